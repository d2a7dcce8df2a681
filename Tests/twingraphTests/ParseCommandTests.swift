import Foundation
import Testing

/// `twingraph parse` as a user runs it. Needs Natasha's models (`make setup`).
@Suite struct ParseCommandTests {
    private func rows(_ conllu: String) -> [[String]] {
        conllu.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func textFromStdinBecomesCoNLLU() throws {
        let r = try CLI.run(["parse"], stdin: "Губернатор посетил Шанхай. Потом он вернулся домой.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("# text = Губернатор посетил Шанхай."))
        let tokens = rows(r.text)
        #expect(tokens.count == 9)
        #expect(tokens.allSatisfy { $0.count == 10 && $0[2] == "_" && $0[4] == "_" && $0[8] == "_" && $0[9].hasPrefix("NER=") })
        #expect(tokens[2][1] == "Шанхай" && tokens[2][9] == "NER=B-LOC")
        #expect(tokens[1][3] == "VERB" && tokens[1][6] == "0" && tokens[1][7] == "root")
        #expect(r.text.components(separatedBy: "\n\n").count == 3)  // two sentences, each ended by a blank line
    }

    @Test func tokenisedCoNLLUKeepsItsTokens() throws {
        let input = "# sent_id = 1\n1\tВ\n2\tсело\n3\tприехали\n4\tгости\n5\tиз\n6\tКитая\n7\t.\n\n1\tСпасибо\n"
        let r = try CLI.run(["parse", "--input", "conllu"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let tokens = rows(r.text)
        #expect(tokens.map { $0[1] } == ["В", "село", "приехали", "гости", "из", "Китая", ".", "Спасибо"])
        #expect(tokens[5][9] == "NER=B-LOC")
        #expect(tokens[0][5] == "_" && tokens[1][5].contains("Case="))
    }

    @Test func missingModelsNameTheFileAndTheFix() throws {
        let r = try CLI.run(["parse", "--models", "/no/such/models"], stdin: "Текст.")
        #expect(r.status == 1)
        #expect(r.stderr.contains("/no/such/models/navec_news_v1_1B_250K_300d_100q.tar"))
        #expect(r.stderr.contains("scripts/setup.sh"))
    }

    @Test func anUnknownInputFormatIsAUsageError() throws {
        let r = try CLI.run(["parse", "--input", "xml"], stdin: "")
        #expect(r.status == 2)
    }
}
