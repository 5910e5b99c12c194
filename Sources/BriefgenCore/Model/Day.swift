/// A calendar day without a time or a time zone.
///
/// News sources date articles by day; keeping dates as plain year/month/day values (rather than
/// `Date`, which is an instant) makes builds independent of the machine's clock and time zone,
/// which is what lets two builds of the same content be byte-identical.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for days that do not exist, such as 2025-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`, the form used in front matter, URLs and sitemaps.
    public var iso: String {
        // Written digit by digit: pages print several dates each, and interpolation was slow.
        guard (0...9999).contains(year) else { return String(format: "%04d-%02d-%02d", year, month, day) }
        let digit = { (value: Int) in UInt8(ascii: "0") + UInt8(value) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), UInt8(ascii: "-"),
                              digit(month / 10), digit(month % 10), UInt8(ascii: "-"), digit(day / 10), digit(day % 10)]
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (negative before), from Howard Hinnant's `days_from_civil`.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `ordinal`.
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The first and last days a date can name (years 1 to 9999, as `init(year:month:day:)`).
    public static let earliest = Day(year: 1, month: 1, day: 1)!
    public static let latest = Day(year: 9999, month: 12, day: 31)!

    /// A day read back from a cache or manifest: nil unless it lies between `earliest` and
    /// `latest`, as a damaged file's number may not (and `init(ordinal:)` would overflow on it).
    public init?(storedOrdinal ordinal: Int) {
        guard (Day.earliest.ordinal...Day.latest.ordinal).contains(ordinal) else { return nil }
        self.init(ordinal: ordinal)
    }

    /// Kept between `earliest` and `latest`: ten years before 0001-01-06 is 0001-01-01, not a
    /// year -10 that no date can be written as.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        let bounded = overflow ? (days < 0 ? Day.earliest.ordinal : Day.latest.ordinal) : sum
        return Day(ordinal: min(max(bounded, Day.earliest.ordinal), Day.latest.ordinal))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "29 December 2025", for people.
    public var longForm: String { String(day) + " " + Day.monthNames[month - 1] + " " + String(year) }

    /// RFC 3339 timestamp at midnight UTC, for Atom feeds and sitemaps.
    public var rfc3339: String { iso + "T00:00:00Z" }

    /// Day of the week, 0 = Sunday.
    public var weekday: Int { ((ordinal % 7) + 11) % 7 }
}
