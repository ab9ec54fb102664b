// swift-tools-version: 6.0
// Wenshu (文书): compiles structured data into the printed documents of the 一校一品 programme.
//
// The targets follow the pipeline: data → template → content → text → layout → frames → renderers.
// A module may use the ones before it, never the ones after. Each C library is a system-library
// target read through pkg-config and imported by exactly one Swift module:
//   CFontconfig, CFreeType, CHarfBuzz → WenshuFonts;  CCairo, CTurboJPEG → WenshuRender;  CLibXML2 → WenshuData.
import PackageDescription

let package = Package(
    name: "Wenshu",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Wenshu", targets: ["Wenshu"]),
        .executable(name: "wenshu", targets: ["WenshuCLI"]),
        // The fuzzers' entry functions, for the package under Fuzz/ (and the corpus replay test).
        .library(name: "WenshuFuzz", targets: ["WenshuFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web workbench (`wenshu serve`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C libraries, each through pkg-config.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg",
                       providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset",
                       providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2",
                       providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig",
                       providers: [.apt(["libfontconfig-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        // Pipeline stages.
        .target(name: "WenshuCore"),
        .target(name: "WenshuData", dependencies: [
            "WenshuCore", "CLibXML2",
            .product(name: "Yams", package: "Yams"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "WenshuTemplate", dependencies: ["WenshuCore", "WenshuData"]),
        .target(name: "WenshuFonts", dependencies: ["WenshuCore", "CFontconfig", "CFreeType", "CHarfBuzz"]),
        .target(name: "WenshuText", dependencies: ["WenshuCore", "WenshuFonts"]),
        .target(name: "WenshuLayout", dependencies: ["WenshuCore", "WenshuFonts", "WenshuText"]),
        .target(name: "WenshuRender", dependencies: ["WenshuCore", "WenshuFonts", "CCairo", "CTurboJPEG"]),
        .target(name: "WenshuOFD", dependencies: [
            "WenshuCore", "WenshuFonts",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Word from the content tree (not from frames): flowing text a clerk can still edit.
        .target(name: "WenshuDocx", dependencies: [
            "WenshuCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // A pass over the renderer's PDF file (bytes in, bytes out): it reads no frames and no C library.
        .target(name: "WenshuPDFA", dependencies: ["WenshuCore"]),
        .target(name: "Wenshu", dependencies: [
            "WenshuCore", "WenshuData", "WenshuTemplate", "WenshuFonts", "WenshuText", "WenshuLayout", "WenshuRender",
            "WenshuOFD", "WenshuDocx", "WenshuPDFA",
        ]),
        // Many documents from one template and a list (CSV, xlsx): a list source, a document sink, the run.
        .target(name: "WenshuBatch", dependencies: [
            "Wenshu", "WenshuCore", "WenshuData", "WenshuTemplate", "WenshuFonts", "WenshuText", "WenshuLayout",
            "WenshuRender", "WenshuDocx", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Beside the pipeline: one entry function per input Wenshu reads, for fuzzing (Fuzz/).
        .target(name: "WenshuFuzz", dependencies: ["WenshuCore", "WenshuData", "WenshuTemplate", "WenshuFonts"]),
        // The web workbench: Hummingbird routes over the same compile, a folder on disk per document;
        // its batches (Batch/) run WenshuBatch's run off the event loop.
        .target(name: "WenshuServe", dependencies: [
            "Wenshu", "WenshuCore", "WenshuData", "WenshuTemplate", "WenshuFonts", "WenshuRender", "WenshuBatch",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Yams", package: "Yams"),
        ], resources: [.copy("Resources")]),
        .executableTarget(name: "WenshuCLI", dependencies: [
            "Wenshu", "WenshuBatch", "WenshuServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // bench/recompile.sh: a first compile against a one-field recompile in a CompileSession.
        .executableTarget(name: "WenshuBench", dependencies: ["Wenshu"], path: "bench/Recompile"),

        // Tests mirror Sources/.
        .testTarget(name: "WenshuCoreTests", dependencies: ["WenshuCore"]),
        .testTarget(name: "WenshuDataTests", dependencies: ["WenshuData"], exclude: ["Loaders/Fixtures"]),
        .testTarget(name: "WenshuTemplateTests", dependencies: ["WenshuTemplate", "Wenshu"]),
        .testTarget(name: "WenshuFontsTests", dependencies: ["WenshuFonts"]),
        .testTarget(name: "WenshuTextTests", dependencies: ["WenshuText", "WenshuFonts"]),
        .testTarget(name: "WenshuLayoutTests", dependencies: ["WenshuLayout", "WenshuRender"]),
        .testTarget(name: "WenshuRenderTests", dependencies: ["WenshuRender", "WenshuLayout"]),
        .testTarget(name: "WenshuOFDTests", dependencies: ["WenshuOFD", "WenshuLayout", "Wenshu"],
                    resources: [.copy("Schemas")]),
        .testTarget(name: "WenshuDocxTests", dependencies: [
            "WenshuDocx", "Wenshu", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "WenshuPDFATests", dependencies: ["WenshuPDFA"]),
        .testTarget(name: "WenshuTests", dependencies: ["Wenshu"], exclude: ["Fixtures"]),
        .testTarget(name: "WenshuBatchTests", dependencies: [
            "WenshuBatch", "Wenshu", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "WenshuCLITests", dependencies: ["WenshuCLI"]),
        .testTarget(name: "WenshuServeTests", dependencies: [
            "WenshuServe", "Wenshu", "WenshuBatch", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "WenshuFuzzTests", dependencies: ["WenshuFuzz"]),
    ]
)
