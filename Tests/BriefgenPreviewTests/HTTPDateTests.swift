@testable import BriefgenPreview
import Testing

/// `If-Modified-Since` comes from the client: any text at all must give a date or nil (the header
/// is then ignored), never stop the server.
@Suite("HTTP dates")
struct HTTPDateTests {
    @Test("ordinary dates parse, and formatting then parsing gives the same second",
          arguments: [0, 784_111_777, 1_764_547_200, 4_102_444_799])
    func roundTrip(_ seconds: Int) {
        #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
    }

    @Test("the RFC 9110 example parses")
    func rfcExample() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
    }

    @Test("years out of range are ignored",
          arguments: ["-2147483648", "2147483647", "99999999999", "-1", "-1994", "0", "10000", "+1994"])
    func extremeYears(_ year: String) {
        #expect(HTTPDate.parse("Sun, 06 Nov \(year) 08:49:37 GMT") == nil)
    }

    @Test("days, months and clock fields out of range are ignored",
          arguments: ["Sun, 2147483647 Nov 1994 08:49:37 GMT", "Sun, -2147483648 Nov 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
                      "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
                      "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Nov 1994 2147483647:49:37 GMT", "Sun, 06 Nov 1994 -1:49:37 GMT",
                      "Sun, 06 Nov 1994 08:49:37:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC", "", "GMT"])
    func otherFieldsOutOfRange(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
