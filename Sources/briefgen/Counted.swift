/// "1 article", "26 pages": the summaries a person reads after each build and check.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
