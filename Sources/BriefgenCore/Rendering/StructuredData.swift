/// JSON-LD for search engines: `NewsArticle` for article pages, `WebSite` for the home page.
///
/// Built as JSON text (not markup) and escaped for a `<script>` element, so an article title
/// containing `</script>` cannot end the element.
enum StructuredData {
    static func newsArticle(_ article: AnalysedArticle, values: ContextValues) -> String {
        let routes = values.routes
        let url = routes.absolute(routes.article(article.slug))
        var fields: [(String, String)] = [
            ("@context", JSONText.string("https://schema.org")),
            ("@type", JSONText.string("NewsArticle")),
            ("headline", JSONText.string(article.title, forScript: true)),
            ("datePublished", JSONText.string(article.date.iso)),
            ("dateModified", JSONText.string(article.date.iso)),
            ("url", JSONText.string(url, forScript: true)),
            ("mainEntityOfPage", JSONText.string(url, forScript: true)),
            ("inLanguage", JSONText.string(values.config.language, forScript: true)),
            ("description", JSONText.string(article.summary, forScript: true)),
            ("publisher", JSONText.object([
                ("@type", JSONText.string("Organization")),
                ("name", JSONText.string(values.config.title, forScript: true)),
                ("url", JSONText.string(routes.absolute(routes.home), forScript: true)),
            ])),
        ]
        let sections = article.points.compactMap { values.point($0)?.title }
        if !sections.isEmpty {
            fields.append(("articleSection", JSONText.array(sections.map { JSONText.string($0, forScript: true) })))
        }
        let people = article.actors.compactMap { values.actor($0) }
        if !people.isEmpty {
            fields.append(("mentions", JSONText.array(people.map { actor in
                JSONText.object([
                    ("@type", JSONText.string(actor.kind == .person ? "Person" : "Organization")),
                    ("name", JSONText.string(actor.name, forScript: true)),
                    ("url", JSONText.string(routes.absolute(routes.actor(actor.slug)), forScript: true)),
                ])
            })))
        }
        if let original = article.article.url, PagePlanner.isWebURL(original) {
            fields.append(("isBasedOn", JSONText.string(original, forScript: true)))
        }
        return JSONText.object(fields)
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
