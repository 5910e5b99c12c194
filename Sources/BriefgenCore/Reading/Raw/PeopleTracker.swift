/// Keeps track of the people an article has named, so that "he" and "she" can be resolved.
///
/// A person is someone the site's actors list as a person, someone introduced with a title
/// ("Ukrainian President Volodymyr Zelenskyy", "Foreign Minister Maria Kovac"), or someone the
/// article has already quoted by name. After each sentence, the last person is the first one that
/// sentence names: the subject, in the usual news sentence ("Trump struck an optimistic tone after
/// meeting Zelenskyy"), which is who a following "he" refers to.
struct PeopleTracker {
    /// Titles that introduce a name, keyed by their first word.
    static let titles: [String: [[String]]] = {
        let all: [[String]] = [
            ["President"], ["Prime", "Minister"], ["Foreign", "Minister"], ["Defence", "Minister"], ["Defense", "Minister"],
            ["Minister"], ["Chancellor"], ["Secretary", "of", "State"], ["Secretary"], ["Senator"], ["Sen."], ["Rep."],
            ["Mr"], ["Mr."], ["Mrs"], ["Mrs."], ["Ms"], ["Ms."], ["Dr"], ["Dr."], ["General"], ["Gen."], ["Ambassador"],
            ["Commissioner"], ["Envoy"], ["envoy"], ["spokesman"], ["spokeswoman"], ["spokesperson"], ["Spokesman"],
            ["Spokeswoman"], ["King"], ["Queen"], ["Pope"], ["Premier"], ["Governor"], ["Mayor"], ["adviser"], ["advisor"],
            ["negotiator"], ["Admiral"], ["Colonel"], ["Lieutenant"], ["Vice", "President"], ["Speaker"], ["Senator"],
        ]
        return Dictionary(grouping: all, by: { $0[0] }).mapValues { $0.sorted { $0.count > $1.count } }
    }()

    private var matcher = PhraseMatcher<String>(caseSensitive: true)
    private var known: Set<String> = []
    /// A surname's full name, once the article has given it: "Vell" → "Oskar Vell".
    private var fullNames: [String: String] = [:]
    private(set) var lastPerson: String?

    init(knownPeople: [String] = []) {
        for name in knownPeople { learn(name, fromText: false) }
    }

    /// Registers a name. Names the article itself uses (`fromText`) also become the full form
    /// of their surname, without any title: "Foreign Minister Maria Kovac" → "Maria Kovac".
    mutating func learn(_ name: String, fromText: Bool = true) {
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
        var parts = trimmed.split(separator: " ").map(String.init)
        if fromText {
            while parts.count > 1, PeopleTracker.titles[parts[0]] != nil || ["Minister", "Secretary", "of", "State"].contains(parts[0]) {
                parts.removeFirst()
            }
            if parts.count >= 2, let last = parts.last, fullNames[last] == nil, parts.count <= 3 {
                fullNames[last] = parts.joined(separator: " ")
            }
        }
        guard known.insert(trimmed).inserted else { return }
        matcher.add(trimmed, value: trimmed)
        // A surname alone refers to the same person later on: "Kovac said".
        if parts.count >= 2, let last = parts.last, last.first?.isUppercase == true, last.count > 2,
           known.insert(last).inserted {
            matcher.add(last, value: last)
        }
    }

    /// The fullest form of a name the article has used: "Vell" → "Oskar Vell". Resolving "he" to
    /// a person gives this form, since the pronoun does not say which form the writer meant.
    func fullName(_ name: String) -> String {
        fullNames[name] ?? name
    }

    func isKnown(_ name: String) -> Bool { known.contains(name) }

    mutating func setLastPerson(_ name: String) {
        learn(name)
        lastPerson = name
    }

    /// Reads one sentence: learns titled and plain names and moves `lastPerson` to the first person named.
    mutating func observe(_ sentence: String) {
        let titled = titledNames(in: sentence) + plainNames(in: sentence)
        for (name, _) in titled { learn(name) }
        if let first = firstPerson(in: sentence, titled: titled) { lastPerson = first }
    }

    /// The person named earliest in the text, by known name or after a title.
    func firstPerson(in text: String) -> String? {
        firstPerson(in: text, titled: titledNames(in: text))
    }

    private func firstPerson(in text: String, titled: [(String, Int)]) -> String? {
        var best: (offset: Int, name: String)?
        if let match = matcher.matches(in: text).first { best = (match.offset, match.value) }
        if let (name, offset) = titled.first, best == nil || offset <= best!.offset { best = (offset, name) }
        return best?.name
    }

    /// Words that start place names or organisations rather than people's names.
    static let placeWords: Set<String> = [
        "Port", "Fort", "Mount", "Lake", "New", "Saint", "St", "San", "Santa", "Los", "Las", "North", "South", "East",
        "West", "Upper", "Lower", "Cape", "Bay", "Gulf", "Sea", "River", "Camp", "Air", "Red", "White", "Black",
        "United", "European", "Security", "General", "Supreme", "National", "Prime", "Foreign",
    ]
    static let organisationWords: Set<String> = [
        "Union", "Ministry", "Council", "Commission", "Office", "House", "Party", "Forces", "Army", "Government",
        "Agency", "Bank", "Fund", "Committee", "Assembly", "Parliament", "Court", "Department", "Service", "Times",
        "News", "Post", "Institute", "University", "Mediation", "Foundation", "Association", "Alliance", "Nations",
        "States", "Republic", "Kingdom", "Federation", "Square", "Street", "Palace", "Hall", "Centre", "Center",
        "Bridge", "Station", "Airport", "Islands", "Mountains", "Sunday", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Social", "Minister", "President",
    ]
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "But", "And", "In", "On", "At", "For", "After", "Before", "As", "While", "When", "If",
        "Yet", "So", "Both", "Neither", "Either", "Some", "Many", "Most", "All", "This", "That", "These", "Those",
        "Its", "His", "Her", "Their", "Our", "Last", "Next", "On", "By", "From", "Under", "Over", "Since", "Until",
        "According", "However", "Meanwhile", "Still", "Now", "Then", "Even", "Only", "With", "Without", "Despite",
    ]

    /// Untitled names: two or three capitalised words followed by a lower-case word or a comma,
    /// as in "Irena Valt has not heard from her son". Places and organisations are left out.
    func plainNames(in text: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var run: [(word: String, offset: Int)] = []
        var offset = 0
        func close(next: Substring?) {
            defer { run = [] }
            while let first = run.first, PeopleTracker.sentenceOpeners.contains(first.word) { run.removeFirst() }
            guard (2...3).contains(run.count), let next else { return }
            let followedByLowercase = next.first?.isLowercase == true
            guard followedByLowercase || run.last.map({ _ in false }) == true else { return }
            if PeopleTracker.placeWords.contains(run[0].word) { return }
            if run.contains(where: { PeopleTracker.organisationWords.contains($0.word) || $0.word.count < 2
                || $0.word.allSatisfy({ $0.isUppercase }) }) { return }
            result.append((run.map(\.word).joined(separator: " "), run[0].offset))
        }
        let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            defer { offset += piece.utf8.count + 1 }
            let bare = piece.strippingCharacters(.wordPunctuation)
            let isName = bare.first?.isUppercase == true && bare.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
            if isName && !piece.hasPrefix("\"") && !piece.hasPrefix("“") {
                run.append((bare, offset))
                // A comma or full stop after the word ends the run; what follows decides.
                if piece != bare {
                    let next = piece.last == "," ? Substring("x") : nil
                    close(next: next)
                }
            } else if !run.isEmpty {
                close(next: index < pieces.count ? piece : nil)
            }
        }
        return result
    }

    /// Names that follow a title, with their offsets: "President Donald Trump" gives "Donald Trump".
    func titledNames(in text: String) -> [(String, Int)] {
        var words: [(word: Substring, offset: Int)] = []
        var offset = 0
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !piece.isEmpty { words.append((piece, offset)) }
            offset += piece.utf8.count + 1
        }
        var result: [(String, Int)] = []
        var index = 0
        while index < words.count {
            var matched = 0
            if let candidates = PeopleTracker.titles[String(words[index].word)] {
                for title in candidates where index + title.count <= words.count {
                    if zip(title, words[index..<(index + title.count)]).allSatisfy({ $0 == $1.word }) {
                        matched = title.count
                        break
                    }
                }
            }
            guard matched > 0 else { index += 1; continue }
            var nameWords: [String] = []
            var cursor = index + matched
            var nameOffset = 0
            while cursor < words.count, nameWords.count < 4 {
                let word = words[cursor].word
                let isInitial = word.count == 2 && word.first!.isUppercase && word.last == "."
                var bare = word.strippingCharacters(.wordPunctuationAndApostrophe)
                if bare.hasSuffix("'s") || bare.hasSuffix("’s") { bare.removeLast(2) }
                guard let first = bare.first, first.isUppercase, isInitial || PeopleTracker.titles[bare] == nil else { break }
                if nameWords.isEmpty { nameOffset = words[cursor].offset }
                nameWords.append(isInitial ? String(word) : bare)
                cursor += 1
                // Punctuation after a word (other than an initial's full stop) ends the name.
                if !isInitial && String(word) != bare { break }
            }
            if !nameWords.isEmpty, !["Of", "For", "The"].contains(nameWords[0]) {
                result.append((nameWords.joined(separator: " "), nameOffset))
            }
            index = max(cursor, index + 1)
        }
        return result
    }
}

/// A `PeopleTracker` that reads sentences only when someone asks who "he" is.
///
/// Resolving a pronoun needs every sentence before it, in order; most articles never ask, so the
/// sentences are queued and read on the first question (and after that, as they come).
struct LazyPeopleTracker {
    private enum Event {
        case sentence(String)
        case scalars(ArraySlice<Unicode.Scalar>)
        case paragraph(String)
        case speaker(String)
    }

    private var tracker: PeopleTracker
    private var queued: [Event] = []

    init(knownPeople: [String]) {
        tracker = PeopleTracker(knownPeople: knownPeople)
    }

    init(starting tracker: PeopleTracker) {
        self.tracker = tracker
    }

    mutating func observe(_ sentence: String) { queued.append(.sentence(sentence)) }
    /// A sentence as scalars, turned into text only if it is ever read.
    mutating func observe(scalars: ArraySlice<Unicode.Scalar>) { queued.append(.scalars(scalars)) }
    /// A whole paragraph without quotes, split into sentences only if it is ever read.
    mutating func observe(paragraph: String) { queued.append(.paragraph(paragraph)) }
    mutating func setLastPerson(_ name: String) { queued.append(.speaker(name)) }

    private mutating func catchUp() {
        for event in queued {
            switch event {
            case .sentence(let text): tracker.observe(text)
            case .scalars(let scalars): tracker.observe(String(scalars: scalars))
            case .paragraph(let text): for sentence in Sentences.split(text) { tracker.observe(sentence) }
            case .speaker(let name): tracker.setLastPerson(name)
            }
        }
        queued.removeAll(keepingCapacity: true)
    }

    mutating func firstPerson(in text: String) -> String? {
        catchUp()
        return tracker.firstPerson(in: text)
    }

    mutating func lastPerson() -> String? {
        catchUp()
        return tracker.lastPerson
    }

    mutating func fullName(_ name: String) -> String {
        catchUp()
        return tracker.fullName(name)
    }
}
