import Testing
@testable import BriefgenCore

@Suite("Day")
struct DayTests {
    @Test("parses real days and rejects impossible ones")
    func parsing() {
        #expect(Day(iso: "2025-12-29") == Day(year: 2025, month: 12, day: 29))
        #expect(Day(iso: "2024-02-29") != nil, "2024 is a leap year")
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2025-02-30") == nil)
        #expect(Day(iso: "2025-13-01") == nil)
        #expect(Day(iso: "2025-04-31") == nil)
        #expect(Day(iso: "1900-02-29") == nil, "1900 is not a leap year")
        #expect(Day(iso: "2000-02-29") != nil, "2000 is a leap year")
        #expect(Day(iso: "25-12-29") == nil)
        #expect(Day(iso: "2025/12/29") == nil)
    }

    @Test("counts days across months, years and leap days")
    func arithmetic() throws {
        let day = try #require(Day(iso: "2025-12-29"))
        #expect(day.adding(days: 3).iso == "2026-01-01")
        #expect(day.adding(days: -6).iso == "2025-12-23")
        #expect(try #require(Day(iso: "2024-02-28")).adding(days: 1).iso == "2024-02-29")
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(day.weekday == 1, "29 December 2025 is a Monday")
        #expect(day.longForm == "29 December 2025")
        #expect(day.rfc3339 == "2025-12-29T00:00:00Z")
    }

    @Test("arithmetic stops at the first and last days a date can name")
    func bounds() throws {
        let early = try #require(Day(iso: "0001-01-06"))
        #expect(early.adding(days: -3659).iso == "0001-01-01")
        #expect(try #require(Day(iso: "9999-12-30")).adding(days: 10).iso == "9999-12-31")
        #expect(early.adding(days: Int.min).iso == "0001-01-01")
        #expect(early.adding(days: Int.max).iso == "9999-12-31")
        #expect(Day(storedOrdinal: early.ordinal) == early)
        #expect(Day(storedOrdinal: Day.earliest.ordinal - 1) == nil)
    }
}
