/// JSON-LD for search engines: `NewsArticle` for article pages, `WebSite` for the home page.
///
/// Built as JSON text (not markup) and escaped for a `<script>` element, so an article title
/// containing `</script>` cannot end the element.
enum StructuredData {
    /// The parts of an article's `NewsArticle` that depend only on the site, as JSON, written once:
    /// the publisher, the language, each point's title (for `articleSection`) and each actor's
    /// `mentions` entry. Writing them for every article (absolute URLs, escaping) cost more than
    /// the article's own fields.
    struct SiteParts: Sendable {
        let language: [UInt8]
        let publisher: [UInt8]
        /// `"https://schema.org"` and `"NewsArticle"`, the same in every article.
        let context = JSONWriter.value { $0.string("https://schema.org", forScript: true) }
        let newsArticle = JSONWriter.value { $0.string("NewsArticle", forScript: true) }
        let sections: [String: [UInt8]]
        let mentions: [String: [UInt8]]

        init(values: ContextValues) {
            let routes = values.routes
            language = JSONWriter.value { $0.string(values.config.language, forScript: true) }
            publisher = JSONWriter.value { json in
                json.openObject()
                json.member("@type", "Organization")
                json.member("name", values.config.title)
                json.member("url", routes.absolute(routes.home))
                json.closeObject()
            }
            var sections: [String: [UInt8]] = [:]
            for point in values.points { sections[point.slug] = JSONWriter.value { $0.string(point.title, forScript: true) } }
            self.sections = sections
            var mentions: [String: [UInt8]] = [:]
            for actor in values.actors {
                mentions[actor.slug] = JSONWriter.value { json in
                    json.openObject()
                    json.member("@type", actor.kind == .person ? "Person" : "Organization")
                    json.member("name", actor.name)
                    json.member("url", routes.absolute(routes.actor(actor.slug)))
                    json.closeObject()
                }
            }
            self.mentions = mentions
        }
    }

    static func newsArticle(_ article: AnalysedArticle, routes: Routes, parts: SiteParts) -> String {
        // The URL appears twice, and the date twice unless the article was corrected: each is
        // written as JSON once and copied.
        let url = JSONWriter.value { $0.string(routes.absolute(routes.article(article.slug)), forScript: true) }
        let date = JSONWriter.value { $0.string(article.date.iso, forScript: true) }
        var json = JSONWriter()
        json.openObject()
        json.key("@context")
        json.raw(parts.context)
        json.key("@type")
        json.raw(parts.newsArticle)
        json.member("headline", article.title)
        json.key("datePublished")
        json.raw(date)
        json.key("dateModified")
        if let updated = article.article.updated {
            json.string(updated.iso, forScript: true)
        } else {
            json.raw(date)
        }
        json.key("url")
        json.raw(url)
        json.key("mainEntityOfPage")
        json.raw(url)
        json.key("inLanguage")
        json.raw(parts.language)
        json.member("description", article.summary)
        json.key("publisher")
        json.raw(parts.publisher)
        let sections = article.points.compactMap { parts.sections[$0] }
        if !sections.isEmpty {
            json.key("articleSection")
            json.openArray()
            for section in sections { json.raw(section) }
            json.closeArray()
        }
        let people = article.actors.compactMap { parts.mentions[$0] }
        if !people.isEmpty {
            json.key("mentions")
            json.openArray()
            for actor in people { json.raw(actor) }
            json.closeArray()
        }
        if let original = article.article.url, WebAddress.isValid(original) {
            json.member("isBasedOn", original)
        }
        json.closeObject()
        return json.text
    }

    static func website(_ briefing: Briefing, routes: Routes) -> String {
        JSONText.object([
            ("@context", JSONText.string("https://schema.org")),
            ("@type", JSONText.string("WebSite")),
            ("name", JSONText.string(briefing.config.title, forScript: true)),
            ("description", JSONText.string(briefing.config.description, forScript: true)),
            ("url", JSONText.string(routes.absolute(routes.home), forScript: true)),
            ("inLanguage", JSONText.string(briefing.config.language, forScript: true)),
        ])
    }
}
