/// Every normalised form under which a user may look a node up: its name and aliases as the
/// text gives them, the same in Latin letters ("omsk"), the readable part of its id
/// ("city/khabarovsk" → "khabarovsk"), and for people each surname or first name on its own
/// ("О.Н. Фадина" → "фадина"), initials left out.
enum NodeNameForms {
    static func forms(of node: Node) -> [String] {
        let names = ([node.name] + node.aliases).map(NameResolver.normalize).filter { !$0.isEmpty }
        var forms = names
        forms += names.filter(Transliteration.hasCyrillic).map(Transliteration.toLatin)
        forms.append(NameResolver.normalize(idSlug(node.id)))
        if node.type == .person {
            forms += names.flatMap { $0.split(separator: " ").filter { $0.count >= 3 }.map(String.init) }
        }
        return forms.filter { !$0.isEmpty }.sortedUnique()
    }

    /// The part of an id after its type ("city/omsk" → "omsk"), hyphens as spaces.
    static func idSlug(_ id: String) -> String {
        let slug = id.split(separator: "/", maxSplits: 1).last.map(String.init) ?? id
        return slug.replacingOccurrences(of: "-", with: " ")
    }
}
