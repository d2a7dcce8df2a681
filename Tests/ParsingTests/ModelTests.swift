import Foundation
import Testing
@testable import Parsing

@Suite struct ModelTests {
    let sentence = ["Вчера", "президент", "Франции", "Эмманюэль", "Макрон", "прилетел", "в", "Токио", "на", "саммит", "ООН", "."]

    @Test func nerFindsPeoplePlacesAndOrganisations() throws {
        let parsed = try Fixture.models().parse(sentence)
        #expect(parsed.tokens.map(\.entity.description) == ["O", "O", "B-LOC", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "B-ORG", "O"])
        #expect(parsed.entities == [
            EntitySpan(type: "LOC", tokens: 2..<3), EntitySpan(type: "PER", tokens: 3..<5),
            EntitySpan(type: "LOC", tokens: 7..<8), EntitySpan(type: "ORG", tokens: 10..<11),
        ])
    }

    @Test func morphologyTagsPartsOfSpeechAndFeatures() throws {
        let tokens = try Fixture.models().parse(sentence).tokens
        #expect(tokens[5].upos == "VERB")
        #expect(tokens[5].features["Tense"] == "Past")
        #expect(tokens[6].upos == "ADP")
        #expect(tokens[2].features["Case"] == "Gen")
        #expect(tokens[11].upos == "PUNCT")
        #expect(tokens[6].featuresText == "_")
        #expect(tokens[1].featuresText.split(separator: "|").map { String($0) }
                == tokens[1].featuresText.split(separator: "|").map { String($0) }.sorted())
    }

    @Test func syntaxBuildsATreeRootedAtTheVerb() throws {
        let tokens = try Fixture.models().parse(sentence).tokens
        #expect(tokens.filter { $0.head == 0 }.count == 1)
        #expect(tokens[5].head == 0 && tokens[5].relation == "root")
        #expect(tokens[1].head == 6 && tokens[1].relation == "nsubj")   // президент ← прилетел
        #expect(tokens[6].head == 8 && tokens[6].relation == "case")    // в ← Токио
        #expect(tokens[7].head == 6 && tokens[7].relation == "obl")
    }

    @Test func theCachedFirstLayerMatchesThePlainOne() throws {
        var models = try Fixture.models()
        let sentences = [sentence, ["Мэр", "Омска", "подписал", "соглашение", "с", "городом", "Пфорцхайм", "."],
                         ["Омска", "Омска", "Омска"], ["Один"]]
        models.firstLayer = .cachedProjections
        let cached = models.parse(sentences: sentences)
        models.firstLayer = .plain
        let plain = models.parse(sentences: sentences)
        #expect(cached == plain)
        // And the encoder outputs themselves agree to float rounding.
        let encoded = models.encode(sentence)
        let direct = models.morph.encoder.encode(encoded)
        var batch = ProjectionBatch(sentences: [encoded], path: .cachedProjections)
        batch.project(models.ner.encoder, models.morph.encoder, models.syntax.encoder)
        let viaCache = batch.encode(0, with: models.morph.encoder, model: 1)
        #expect(direct.count == viaCache.count)
        #expect(zip(direct, viaCache).allSatisfy { abs($0 - $1) <= 1e-3 * max(1, abs($0)) })
    }

    /// A text of several batches parsed on several threads gives what one thread gives, in order.
    @Test func severalBatchesOnSeveralThreadsMatchOneThread() throws {
        let models = try Fixture.models()
        let shapes = [sentence, ["Делегация", "из", "Казани", "прибыла", "в", "Минск", "."], ["Да"]]
        let sentences = (0..<30).map { shapes[$0 % shapes.count] }
        #expect(NatashaModels.batches(of: sentences.map(\.count), tokensPerBatch: 25).count >= 8)
        let parallel = models.parse(sentences: sentences, threads: 4, tokensPerBatch: 25)
        let serial = models.parse(sentences: sentences, threads: 1, tokensPerBatch: 25)
        #expect(parallel.count == sentences.count)
        #expect(parallel == serial)
    }

    @Test func batchesHoldWholeSentencesUpToTheTokenLimit() {
        let limit = NatashaModels.tokensPerBatch
        #expect(NatashaModels.batches(of: []) == [])
        #expect(NatashaModels.batches(of: [limit / 2, limit / 2, 1]) == [0..<2, 2..<3])
        // an overlong sentence is a batch of its own
        #expect(NatashaModels.batches(of: [3, limit * 2, 3]) == [0..<1, 1..<2, 2..<3])
    }

    @Test func aSentenceParsesTheSameAloneAndInABatch() throws {
        let models = try Fixture.models()
        let batch = models.parse(sentences: [["Короткое", "."], sentence])
        #expect(batch[1] == models.parse(sentence))
    }
}

@Suite struct BadInputTests {
    @Test func anEmptySentenceGivesAnEmptyResult() throws {
        let models = try Fixture.models()
        #expect(models.parse([]).tokens.isEmpty)
        let three = models.parse(sentences: [["Да", "."], [], ["Нет"]])
        #expect(three.map(\.tokens.count) == [2, 0, 1])
    }

    @Test func unknownWordsAreParsed() throws {
        let parsed = try Fixture.models().parse(["Кшыщфрблюк", "вжухнул", "зюзябр", "☺☺", "ǅx", "."])
        #expect(parsed.tokens.count == 6)
        #expect(parsed.tokens.allSatisfy { $0.head >= 0 && $0.head <= 6 && !$0.upos.isEmpty })
    }

    @Test func aSentenceOfFiveThousandTokensIsParsed() throws {
        let words = (0..<5000).map { ["Мэр", "города", "посетил", "Пекин", ","][$0 % 5] }
        let parsed = try Fixture.models().parse(words)
        #expect(parsed.tokens.count == 5000)
        #expect(parsed.tokens.allSatisfy { (0...5000).contains($0.head) })
        #expect(parsed.tokens[3].entity == .begin("LOC"))
    }

    @Test func aMissingModelFolderNamesTheFileAndTheFix() {
        do {
            _ = try NatashaModels(directory: "/nonexistent/models")
            Issue.record("loaded from a folder that does not exist")
        } catch {
            #expect(error.path == "/nonexistent/models/\(NatashaModels.navecFile)")
            #expect(error.description.contains("scripts/setup.sh"))
        }
    }

    @Test func aDamagedModelFileNamesTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parsing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in [NatashaModels.navecFile, NatashaModels.nerFile, NatashaModels.morphFile] {
            try FileManager.default.copyItem(atPath: Fixture.file(name), toPath: folder.appendingPathComponent(name).path)
        }
        // The syntax pack cut in half: its last members run past the end.
        let syntax = try Data(contentsOf: URL(fileURLWithPath: Fixture.file(NatashaModels.syntaxFile)))
        let damaged = folder.appendingPathComponent(NatashaModels.syntaxFile).path
        try syntax.prefix(syntax.count / 2).write(to: URL(fileURLWithPath: damaged))
        do {
            _ = try NatashaModels(directory: folder.path)
            Issue.record("loaded a damaged pack")
        } catch {
            #expect(error.path == damaged)
            #expect(error.description.contains("setup.sh"))
        }
    }
}

@Suite struct ConcurrencyTests {
    /// One loaded instance shared by concurrent tasks gives each the same answer as a lone call.
    @Test func oneInstanceServesConcurrentTasks() async throws {
        let models = try Fixture.models()
        let sentences = [["Губернатор", "встретился", "с", "послом", "Японии", "."],
                         ["Делегация", "Харбина", "прибыла", "в", "Иркутск", "."],
                         ["Соглашение", "подписали", "мэры", "двух", "городов", "."]]
        let expected = sentences.map { models.parse($0) }
        let results = await withTaskGroup(of: (Int, ParsedSentence).self) { group in
            for round in 0..<12 {
                let index = round % sentences.count
                group.addTask { (index, models.parse(sentences[index])) }
            }
            var all: [(Int, ParsedSentence)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 12)
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }
}
