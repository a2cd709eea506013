// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "tieuchi",
  products: [
    .library(name: "TieuChi", targets: ["TieuChi"]),
    .library(name: "TieuChiOffice", targets: ["TieuChiOffice"]),
    .library(name: "TieuChiDocuments", targets: ["TieuChiDocuments"]),
    .executable(name: "tieuchi", targets: ["tieuchi"]),
    .executable(name: "tieuchi-web", targets: ["tieuchi-web"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // The web application only (TieuChiWeb, tieuchi-web): the CLI never links these.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  ],
  targets: [
    // libyaml from the Debian package libyaml-dev (pkg-config yaml-0.1).
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(
      name: "TieuChi",
      dependencies: ["CYAML"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "tieuchi",
      dependencies: [
        "TieuChi",
        "TieuChiDocuments",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "tieuchi-bench",
      dependencies: ["TieuChi"],
      swiftSettings: swiftSettings
    ),
    // Generic XLSX and DOCX writers (hand-written SpreadsheetML and WordprocessingML over a zip layer);
    // knows nothing of criteria or communes, so renderers in TieuChi can build on it later.
    .target(
      name: "TieuChiOffice",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: swiftSettings
    ),
    // Documents in and out that need the Office readers and writers: every report format in one list, the
    // workbook and Word renderers, and (next) workbooks read as survey data and fillable XLSX forms.
    .target(
      name: "TieuChiDocuments",
      dependencies: ["TieuChi", "TieuChiOffice"],
      swiftSettings: swiftSettings
    ),
    // The web application: routes, pages, storage (GRDB/SQLite), accounts. A thin client of the library.
    .target(
      name: "TieuChiWeb",
      dependencies: [
        "TieuChi",
        "TieuChiDocuments",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "tieuchi-web",
      dependencies: [
        "TieuChiWeb",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "TieuChiWebTests",
      dependencies: [
        "TieuChiWeb",
        "TieuChi",
        "TieuChiDocuments",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "TieuChiOfficeTests",
      dependencies: ["TieuChiOffice", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      exclude: ["readback.py", "make_fixtures.py"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "TieuChiTests",
      dependencies: ["TieuChi", "TieuChiOffice", "TieuChiDocuments"],
      swiftSettings: swiftSettings
    ),
  ]
)
