import Foundation

/// One document to read: its content, every path it was found under, and its id.
public struct InputDocument: Sendable, Equatable {
    /// Unique among the inputs: the file name without its extension, or, when two different
    /// documents share a name, the path relative to the inputs' common folder, without extension.
    public var id: String
    /// The paths holding this content, in the order given; the same bytes under several names
    /// are one document.
    public var paths: [String]
    public var data: Data
    public var sha256: String

    public var path: String { paths[0] }
}

/// The files named on a command line, folders walked.
public enum InputFiles {
    /// Formats found in a folder when no glob is given.
    public static let documentExtensions: Set<String> = ["txt", "text", "docx", "odt", "doc", "rtf", "pdf", "html", "htm", "xhtml"]

    /// Files and folders → files, in the order given; a folder's files (recursively, hidden
    /// ones skipped) sorted by path. `glob` ("*.docx", "report-*.txt") filters the files found in
    /// folders by name; files named directly are always taken. Missing paths are returned as
    /// failures, not thrown, so the others go on.
    public static func expand(_ arguments: [String], glob: String? = nil) -> (files: [String], failures: [DocumentError]) {
        var files: [String] = []
        var failures: [DocumentError] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                failures.append(.unreadable(path: argument, reason: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else { files.append(argument); continue }
            let found = walk(argument).filter { path in
                let name = (path as NSString).lastPathComponent
                if let glob { return fnmatch(glob, name, 0) == 0 }
                return documentExtensions.contains((name as NSString).pathExtension.lowercased())
            }
            if found.isEmpty {
                failures.append(.unreadable(path: argument, reason: "the folder has no documents"
                    + (glob.map { " matching \($0)" } ?? " (.txt, .docx, .odt, .pdf, .html…); pass --glob to choose others")))
            }
            files += found
        }
        return (files, failures)
    }

    static func walk(_ folder: String) -> [String] {
        let base = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var out: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            // Paths as the user wrote the folder, not resolved: they go into the graph.
            let relative = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.lastPathComponent
            out.append(prefix + relative)
        }
        return out.sorted()
    }

    /// Reads the files and groups them into documents: the same content (sha256) is one document
    /// with all its paths; ids are unique. Unreadable files, and files over `maximumSize` bytes
    /// (refused before they are read), are returned as failures.
    public static func documents(_ files: [String], maximumSize: Int = DocumentReader.defaultMaximumSize)
        -> (documents: [InputDocument], failures: [DocumentError]) {
        var documents: [InputDocument] = []
        var bySHA: [String: Int] = [:]
        var failures: [DocumentError] = []
        var seenPaths = Set<String>()
        for path in files {
            let normalized = URL(fileURLWithPath: path).standardizedFileURL.path
            guard seenPaths.insert(normalized).inserted else { continue }
            do {
                let data = try DocumentReader.contents(of: path, maximumSize: maximumSize)
                let sha = SHA256.hex(data)
                if let k = bySHA[sha] {
                    documents[k].paths.append(path)
                } else {
                    bySHA[sha] = documents.count
                    documents.append(InputDocument(id: "", paths: [path], data: data, sha256: sha))
                }
            } catch {
                failures.append(error)
            }
        }
        let ids = uniqueIDs(documents.map(\.path))
        for k in documents.indices { documents[k].id = ids[k] }
        return (documents, failures)
    }

    /// The file name without extension; where names collide, the path relative to the colliding
    /// files' common folder, without extension ("y2019/report", "y2011/report").
    public static func uniqueIDs(_ paths: [String]) -> [String] {
        let stems = paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        var groups: [String: [Int]] = [:]
        for (k, s) in stems.enumerated() { groups[s, default: []].append(k) }
        var ids = stems
        for (_, members) in groups where members.count > 1 {
            let components = members.map { URL(fileURLWithPath: paths[$0]).standardizedFileURL.pathComponents }
            var common = 0
            while components.allSatisfy({ $0.count > common + 1 }),
                  Set(components.map { $0[common] }).count == 1 { common += 1 }
            for (m, k) in members.enumerated() {
                let relative = components[m].dropFirst(common).joined(separator: "/")
                ids[k] = (relative as NSString).deletingPathExtension
            }
        }
        // Same relative path under different extensions ("a.txt", "a.docx"): keep the extension.
        var counts: [String: Int] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        for k in ids.indices where (counts[ids[k]] ?? 0) > 1 {
            let name = (paths[k] as NSString).lastPathComponent
            ids[k] = ((ids[k] as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        }
        return ids
    }
}
