import Foundation
import Testing

/// `twingraph morph` as a user runs it. Needs the dictionary (`make setup`).
@Suite struct MorphCommandTests {
    private func run(_ args: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let r = try CLI.run(args, stdin: stdin ?? "")
        return (r.status, r.text, r.stderr)
    }

    private func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func bestParseOfEachArgument() throws {
        let r = try run(["morph", "Иркутска", "Пфорцхайме"])
        #expect(r.status == 0)
        let lines = try objects(r.out)
        #expect(lines.count == 2)
        #expect(lines[0]["word"] as? String == "иркутска")
        #expect(lines[0]["normal_form"] as? String == "иркутск")
        #expect(lines[0]["tag"] as? String == "NOUN,inan,masc,Geox sing,gent")
        #expect(lines[0]["score"] as? Double == 1.0)
        #expect(lines[1]["normal_form"] as? String == "пфорцхайм")
    }

    @Test func wordsFromStdinAndAllParses() throws {
        let r = try run(["morph", "--all"], stdin: "Республики\r\n\nXVI\n")
        #expect(r.status == 0)
        let tags = try objects(r.out).compactMap { $0["tag"] as? String }
        #expect(tags == ["NOUN,inan,femn sing,gent", "NOUN,inan,femn plur,nomn", "NOUN,inan,femn plur,accs", "ROMN", "LATN"])
    }

    @Test func nominativePhrases() throws {
        let r = try run(["morph", "--nominative", "О.Н. Фадиной"])
        #expect(r.status == 0)
        #expect(try objects(r.out).first?["nominative"] as? String == "О.Н. Фадина")
    }

    @Test func inflectAndLexeme() throws {
        let r = try run(["morph", "--inflect", "ablt", "Иркутск"])
        #expect(try objects(r.out).first?["word"] as? String == "иркутском")
        let l = try run(["morph", "--lexeme", "Иркутск"])
        #expect(try objects(l.out).count == 12)  // six cases, singular and plural
    }

    @Test func missingDictionaryNamesSetup() throws {
        let r = try run(["morph", "--dict", "/nonexistent/dict", "слово"])
        #expect(r.status == 1)
        #expect(r.err.contains("make setup"))
    }
}
