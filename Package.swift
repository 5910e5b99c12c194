// swift-tools-version:6.0
import Foundation
import PackageDescription

/// jemalloc (Debian's `libjemalloc-dev`, installed by `make`) replaces glibc's malloc in the
/// binaries on Linux: a build makes and frees millions of small strings and arrays on every core,
/// and with jemalloc it takes about 9% less CPU (10,000 articles: 2.98 s → 2.72 s user time).
/// `CBriefgenAllocator` sets jemalloc's options (transparent huge pages: a fifth fewer CPU
/// seconds in a one-edit rebuild). See the Benchmarks README.
///
/// `BRIEFGEN_SYSTEM_MALLOC=1` leaves it out: the sanitizers bring their own malloc, and a test
/// bundle (which links the `briefgen` target) with both aborts at start-up.
let fastAllocator: [LinkerSetting] = ProcessInfo.processInfo.environment["BRIEFGEN_SYSTEM_MALLOC"] == nil
    ? [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
    : []

let package = Package(
    name: "briefgen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefgen", targets: ["briefgen"]),
        .library(name: "BriefgenCore", targets: ["BriefgenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(name: "CBriefgenSystem"),
        // jemalloc's options (huge pages), for the binaries that link jemalloc.
        .target(name: "CBriefgenAllocator"),
        .target(
            name: "BriefgenCore",
            dependencies: [
                "CCmark",
                "CBriefgenSystem",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "BriefgenPreview",
            dependencies: [
                "BriefgenCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "briefgen",
            dependencies: [
                "BriefgenCore",
                "BriefgenPreview",
                "CBriefgenSystem",
                "CBriefgenAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fastAllocator
        ),
        .executableTarget(
            name: "briefgen-bench",
            dependencies: ["BriefgenCore", "CBriefgenAllocator"],
            path: "Benchmarks/Sources/briefgen-bench",
            linkerSettings: fastAllocator
        ),
        .testTarget(name: "BriefgenCoreTests", dependencies: ["BriefgenCore"]),
        .testTarget(name: "BriefgenPreviewTests", dependencies: ["BriefgenPreview", "BriefgenCore"]),
        .testTarget(name: "briefgenTests", dependencies: ["BriefgenCore", "briefgen"]),
    ]
)
