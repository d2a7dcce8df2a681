import Testing
@testable import Parsing

@Suite struct WordShapeTests {
    // Expected values as slovnet's word_shape gives them (checked with slovnet 0.6.0).
    @Test(arguments: [
        ("Москва", "RU_Xx"), ("ООН", "RU_XX"), ("Нью-Йорк", "RU_Xx-Xx"), ("ёлка", "RU_xx"), ("Я", "RU_X"),
        ("СИЗО-6", "RU_XX"), ("iPhone", "EN_OTHER"), ("x", "EN_x"), ("2019", "NUM"), ("-5", "NUM"),
        ("«", "PUNCT_«"), ("...", "PUNCT_OTHER"), ("+", "PUNCT_+"), ("☺", "OTHER"), ("Ω", "OTHER"), ("", "OTHER"),
    ])
    func shapes(word: String, shape: String) {
        #expect(WordShape.of(word) == shape)
    }
}
