import Testing
@testable import KnowledgeGraph

@Suite struct NameResolverTests {
    let resolver: NameResolver

    init() throws { resolver = NameResolver(graph: try Fixture.graph()) }

    @Test(arguments: [
        ("Омск", "city/omsk"), ("омск", "city/omsk"), ("ОМСК", "city/omsk"), ("Омска", "city/omsk"),
        ("Иркутском", "city/irkutsk"), ("г. Иркутска", "city/irkutsk"), ("Ниигатой", "city/niigata"),
        ("Симферополе", "city/simferopol"), ("Чанжоу", "city/changzhou"), ("city/tomsk", "city/tomsk"),
        ("Благовещенске", "city/blagoveshchensk"), ("городом Иркутском", "city/irkutsk"), ("гг. Ниигата", "city/niigata"), ("Хабаровска", "city/khabarovsk"),
    ])
    func resolvesAnyForm(query: String, id: String) {
        #expect(resolver.resolve(query).id == id, "\(query)")
    }

    @Test func unknownNameOffersClosestCandidates() {
        guard case .unknown(let candidates) = resolver.resolve("Томкс") else {
            Issue.record("expected unknown"); return
        }
        // Two transposed letters are two edits: too far to accept, close enough to offer first.
        #expect(candidates.first?.id == "city/tomsk")
        #expect(candidates.count <= 5)
        guard case .unknown(let none) = resolver.resolve("Жмеринка") else { Issue.record("expected unknown"); return }
        #expect(!none.isEmpty)
    }

    @Test func ambiguousNamesListEveryFit() {
        let g = Graph(nodes: [
            Node(id: "city/a", type: .city, name: "Александрия", mentions: []),
            Node(id: "city/b", type: .city, name: "Александрия", mentions: []),
        ])
        guard case .ambiguous(let c) = NameResolver(graph: g).resolve("александрии") else {
            Issue.record("expected ambiguous"); return
        }
        #expect(c.map(\.id) == ["city/a", "city/b"])
    }

    @Test func yoIsFoldedAndStemsNeedThreeLetters() {
        #expect(NameResolver.normalize("Орёл,  «Ёлки»") == "орел елки")
        #expect(NameResolver.stem("иркутском") == "иркутск")
        #expect(NameResolver.stem("уфа") == "уфа")
        #expect(NameResolver.editDistance(Array("чанжоу".unicodeScalars), Array("чанчжоу".unicodeScalars)) == 1)
    }
}

@Suite struct StemTests {
    /// The plain stemmer: `String.hasSuffix` over characters.
    static func plainStem(_ form: String) -> String {
        form.split(separator: " ").map { word -> String in
            let w = String(word)
            for e in NameResolver.endings where w.hasSuffix(e) && w.count - e.count >= 3 {
                return String(w.dropLast(e.count))
            }
            return w
        }.joined(separator: " ")
    }

    @Test func scalarStemMatchesThePlainOne() {
        var rng = SeededGenerator(seed: 3)
        let letters = Array("абвгдеийклмнопрстуфхьыюяо12")
        for _ in 0..<3000 {
            let words = (0..<(1 + rng.below(3))).map { _ in String((0..<(1 + rng.below(9))).map { _ in letters[rng.below(letters.count)] }) }
            let form = words.joined(separator: " ")
            #expect(NameResolver.stem(form) == Self.plainStem(form), "\(form)")
        }
    }
}
