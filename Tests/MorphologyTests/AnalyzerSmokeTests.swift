import Testing
import Morphology

@Suite struct AnalyzerSmokeTests {
    @Test func unknownAndKnownPlaceNamesLemmatize() throws {
        let m = try MorphAnalyzer.shared()
        #expect(m.parse("Иркутска").first?.normalForm == "иркутск")
        #expect(m.parse("Пфорцхайме").first?.normalForm == "пфорцхайм")
        #expect(m.parse("городами").first?.tag.case == "ablt")
    }
}
