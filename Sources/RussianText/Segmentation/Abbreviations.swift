/// Tables of the sentence splitter, apart from its rules (razdel's design).
enum Abbreviations {
    /// Abbreviations written with a dot that do not end a sentence: the next word belongs to them
    /// ("г. Омск", "им. Ф.М. Достоевского", "ул. Ленина"). Lower case, without the final dot;
    /// multi-part ones as written between dots ("т.е" is matched as "т" "е").
    static let nonTerminal: Set<String> = [
        // places and addresses
        "г", "гор", "пос", "п", "с", "д", "дер", "ст", "обл", "р", "ул", "пр", "просп", "пер", "пл",
        "наб", "бул", "ш", "корп", "стр", "кв", "оф", "респ", "м", "о", "пгт", "мкр", "р-н", "х",
        // names and titles
        "им", "св", "акад", "проф", "доц", "канд", "зам", "нач", "ген", "гл", "ред", "пред",
        "зав", "засл", "нар", "тов", "г-н", "г-жа", "гг", "мин", "упр", "деп", "адм",
        // quantities and references
        "тыс", "млн", "млрд", "трлн", "руб", "коп", "долл", "чел", "ед", "экз", "шт",
        "кг", "км", "га", "куб", "мм", "см", "ч", "мин", "сек", "вып", "т", "тт", "стр", "рис",
        "табл", "гл", "прим", "напр", "ок", "прибл", "см", "ср", "сокр", "англ", "нем", "кит",
        "франц", "фр", "яп", "кор", "рус", "лат", "исп", "итал", "вкл", "искл", "мл", "ст", "н",
        "э", "в", "вв", "№", "no", "nr", "vs", "etc", "mr", "mrs", "ms", "dr", "st",
    ]

    /// Abbreviations that often end a sentence ("и т.д.", "и др."): a sentence ends after them
    /// when the next word is capitalised.
    static let terminal: Set<String> = ["д", "п", "др", "пр", "гг", "г", "вв", "в"]

    /// Markers of list items at the start of a line.
    static let bullets: Set<Unicode.Scalar> = Set("-–—•·*▪◦►○●■□‣⁃\u{F0B7}".unicodeScalars)
}
