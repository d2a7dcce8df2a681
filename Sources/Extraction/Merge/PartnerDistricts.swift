import Gazetteer
import KnowledgeGraph

/// A district, county or city district that is a partner of another place is a `city` of the
/// graph (DESIGN.md, annotation rules): "Горецкий район", "Кентшинский повят", "район Дадукоу",
/// "префектура Сонгинохайрхан Улан-Батора" (`NodeDraft.namedAsDistrict`).
/// Subdivisions the gazetteer knows (oblasts, provinces, krais) stay regions whatever they do.
extension Extractor {
    func retypePartnerDistricts(_ nodes: inout [String: NodeDraft], _ drafts: inout [EdgeDraft]) {
        let partnerEnds = Set(drafts.filter { $0.type == .twinnedWith || $0.type == .partnerOf }.flatMap { [$0.source, $0.target] })
        var redirect: [String: String] = [:]
        for id in partnerEnds.sorted() {
            guard let node = nodes[id], node.type == .region, gazetteer.place(id: id) == nil,
                  node.namedAsDistrict || fold(node.name).split(separator: " ").contains(where: { word in
                      Lexicon.districtWords.contains { word.hasPrefix($0) }
                  }) else { continue }
            let cityID = "city/" + id.dropFirst("region/".count)
            var city = nodes.removeValue(forKey: id)!
            city.id = cityID
            city.type = .city
            if var existing = nodes[cityID] {
                for alias in city.aliases + [city.name] { existing.addAlias(alias) }
                existing.mentions += city.mentions
                nodes[cityID] = existing
            } else {
                nodes[cityID] = city
            }
            redirect[id] = cityID
        }
        guard !redirect.isEmpty else { return }
        for k in drafts.indices {
            if let to = redirect[drafts[k].source] { drafts[k].source = to }
            if let to = redirect[drafts[k].target] { drafts[k].target = to }
        }
    }
}
