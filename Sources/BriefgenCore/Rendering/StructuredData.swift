/// JSON-LD for search engines: `NewsArticle` for article pages, `WebSite` for the home page.
///
/// Built as JSON text (not markup) and escaped for a `<script>` element, so an article title
/// containing `</script>` cannot end the element.
enum StructuredData {
    static func newsArticle(_ article: AnalysedArticle, values: ContextValues) -> String {
        let routes = values.routes
        let url = routes.absolute(routes.article(article.slug))
        var json = JSONWriter()
        json.openObject()
        json.member("@context", "https://schema.org")
        json.member("@type", "NewsArticle")
        json.member("headline", article.title)
        json.member("datePublished", article.date.iso)
        json.member("dateModified", article.date.iso)
        json.member("url", url)
        json.member("mainEntityOfPage", url)
        json.member("inLanguage", values.config.language)
        json.member("description", article.summary)
        json.key("publisher")
        json.openObject()
        json.member("@type", "Organization")
        json.member("name", values.config.title)
        json.member("url", routes.absolute(routes.home))
        json.closeObject()
        let sections = article.points.compactMap { values.point($0)?.title }
        if !sections.isEmpty {
            json.key("articleSection")
            json.openArray()
            for section in sections { json.string(section, forScript: true) }
            json.closeArray()
        }
        let people = article.actors.compactMap { values.actor($0) }
        if !people.isEmpty {
            json.key("mentions")
            json.openArray()
            for actor in people {
                json.openObject()
                json.member("@type", actor.kind == .person ? "Person" : "Organization")
                json.member("name", actor.name)
                json.member("url", routes.absolute(routes.actor(actor.slug)))
                json.closeObject()
            }
            json.closeArray()
        }
        if let original = article.article.url, PagePlanner.isWebURL(original) {
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
