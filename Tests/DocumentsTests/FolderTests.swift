import Foundation
import Testing
@testable import Documents

@Suite struct FolderTests {
    func tree(_ files: [String: String]) throws -> URL {
        let root = try Fixture.temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func twoReportsOfOneNameInTwoFoldersStayTwo() throws {
        let root = try tree(["y2019/report.txt": "ОМСК\n\nПервый отчёт.", "y2011/report.txt": "ТОМСК\n\nВторой отчёт.",
                             "notes.txt": "Заметки."])
        let (files, failures) = InputFiles.expand([root.path])
        #expect(failures.isEmpty)
        let (docs, readFailures) = InputFiles.documents(files)
        #expect(readFailures.isEmpty)
        #expect(docs.map(\.id).sorted() == ["notes", "y2011/report", "y2019/report"])
        #expect(Set(docs.map(\.sha256)).count == 3)
    }

    @Test func sameContentUnderTwoNamesIsOneDocumentWithBothPaths() throws {
        let root = try tree(["a/omsk-2019.txt": "ОМСК\n\nОтчёт.", "b/copy.txt": "ОМСК\n\nОтчёт."])
        let (docs, _) = InputFiles.documents(InputFiles.expand([root.path]).files)
        #expect(docs.count == 1)
        #expect(docs.first?.paths.map { ($0 as NSString).lastPathComponent } == ["omsk-2019.txt", "copy.txt"])
        #expect(docs.first?.id == "omsk-2019")
    }

    @Test func globChoosesFilesAndHiddenOnesAreSkipped() throws {
        let root = try tree(["a.txt": "А", "b.docx": "Б", ".hidden.txt": "В", "sub/c.txt": "Г", "image.png": "x"])
        #expect(InputFiles.expand([root.path]).files.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.docx", "c.txt"])
        #expect(InputFiles.expand([root.path], glob: "*.docx").files.map { ($0 as NSString).lastPathComponent } == ["b.docx"])
        let none = InputFiles.expand([root.path], glob: "*.pdf")
        #expect(none.files.isEmpty && none.failures.count == 1)
    }

    @Test func aFileGivenTwiceIsReadOnceAndAMissingOneIsAFailure() throws {
        let root = try tree(["r.txt": "Текст."])
        let path = root.appendingPathComponent("r.txt").path
        let expanded = InputFiles.expand([path, path, "/no/such/file.txt"])
        #expect(expanded.failures.map(\.description) == ["/no/such/file.txt: cannot read: no such file or folder"])
        #expect(InputFiles.documents(expanded.files).documents.count == 1)
    }

    @Test func idsAreRelativePathsOnlyWhereNamesCollide() {
        #expect(InputFiles.uniqueIDs(["/d/x/report.txt", "/d/y/report.docx", "/d/z/other.txt"])
                == ["x/report", "y/report", "other"])
        #expect(InputFiles.uniqueIDs(["/d/report.txt", "/d/report.docx"]) == ["report.txt", "report.docx"])
    }
}
