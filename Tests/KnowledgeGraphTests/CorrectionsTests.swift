import Testing
@testable import KnowledgeGraph

@Suite struct CorrectionsTests {
    let g = TverGraph.graph
    var twinning: String { g.edges.first { $0.type == .twinnedWith }!.id }
    var partnership: String { g.edges.first { $0.type == .partnerOf }!.id }

    @Test func theFileReadsBackWhatItWrote() throws {
        let file = CorrectionsFile(corrections: [
            .reject(fact: twinning), .set(fact: partnership, key: "status", value: "planned"),
            .merge(kept: "city/linz", merged: "city/ostrava", keptName: "Линц"), .merge(kept: "city/a", merged: "city/b", keptName: nil),
            .rename(node: "person/smirnova", name: "Анна Смирнова"),
        ])
        #expect(try CorrectionsFile.parse(file.text()) == file)
    }

    @Test func aBadLineFailsTheWholeFileWithItsNumber() {
        #expect(throws: CorrectionsFile.ParseError(line: 3, reason: "set changes status, role, year, since, date, not 'colour'")) {
            try CorrectionsFile.parse("# comment\nreject\tx\nset\tx\tcolour\tred\n")
        }
        #expect(throws: CorrectionsFile.ParseError.self) { try CorrectionsFile.parse("set\tx\tyear\tlast\n") }
        #expect(throws: CorrectionsFile.ParseError.self) { try CorrectionsFile.parse("forget\tx\n") }
        #expect(throws: CorrectionsFile.ParseError.self) { try CorrectionsFile.parse("merge\tcity/a\tcity/a\n") }
        #expect(throws: CorrectionsFile.ParseError.self) { try CorrectionsFile.parse("reject\n") }
    }

    @Test func rejectAndSet() {
        let file = CorrectionsFile(corrections: [.reject(fact: twinning), .set(fact: partnership, key: "year", value: "2018")])
        let out = file.apply(to: g)
        #expect(!out.edges.contains { $0.id == twinning })
        let p = out.edges.first { $0.id == partnership }
        #expect(p?.attributes["year"] == .int(2018))
        #expect(p?.attributes["corrected"] == "year")
        #expect(file.apply(to: out) == out)
    }

    @Test func correctionsThatNameNothingAreTold() {
        let file = CorrectionsFile(corrections: [.reject(fact: twinning), .reject(fact: twinning), .rename(node: "city/nowhere", name: "X"),
                                                 .set(fact: partnership, key: "role", value: "guest")])
        // the second reject names nothing: the first removed the fact
        #expect(file.applying(to: g).matched == [true, false, false, true])
    }

    @Test func renameKeepsTheOldNameAsAlias() {
        let out = CorrectionsFile(corrections: [.rename(node: "city/linz", name: "Линц-на-Дунае")]).apply(to: g)
        let linz = out.nodes.first { $0.id == "city/linz" }
        #expect(linz?.name == "Линц-на-Дунае" && linz?.aliases == ["Линц"] && linz?.attributes["corrected"] == "renamed")
    }

    @Test func mergeMovesNamesAndFactsAndJoinsTheSameFact() {
        // Ostrava merged into Linz: Tver–Ostrava twinning becomes Tver–Linz, beside the partnership
        var twoVisits = g
        twoVisits.edges.append(Edge(type: .visited, source: "person/smirnova", target: "city/ostrava", attributes: ["date": "2019-05"],
                                    evidence: [TverGraph.span(TverGraph.d2015, TverGraph.twinning)]))
        let file = CorrectionsFile(corrections: [.merge(kept: "city/linz", merged: "city/ostrava", keptName: "Линц")])
        let out = file.apply(to: twoVisits)
        #expect(!out.nodes.contains { $0.id == "city/ostrava" })
        let linz = out.nodes.first { $0.id == "city/linz" }
        #expect(linz?.aliases == ["Острава"] && linz?.attributes["corrected"] == "merged city/ostrava")
        #expect(out.edges.allSatisfy { $0.source != "city/ostrava" && $0.target != "city/ostrava" })
        let visits = out.edges.filter { $0.type == .visited }
        #expect(visits.count == 1 && visits[0].evidence.count == 2)
        #expect(out.edges.contains { $0.type == .twinnedWith && $0.source == "city/linz" && $0.target == "city/tver" })
        #expect(Set(out.edges.map(\.id)).count == out.edges.count)
        #expect(file.apply(to: out) == out)
    }

    @Test func mergeIntoANodeTheGraphLacksGivesItsId() {
        let out = CorrectionsFile(corrections: [.merge(kept: "city/ostrava-2", merged: "city/ostrava", keptName: nil)]).apply(to: g)
        #expect(out.nodes.contains { $0.id == "city/ostrava-2" && $0.name == "Острава" })
        let named = CorrectionsFile(corrections: [.merge(kept: "city/ostrava-2", merged: "city/ostrava", keptName: "Ostrava")]).apply(to: g)
        #expect(named.nodes.contains { $0.id == "city/ostrava-2" && $0.name == "Ostrava" && $0.aliases == ["Острава"] })
        #expect(out.edges.contains { $0.target == "city/ostrava-2" || $0.source == "city/ostrava-2" })
    }
}
