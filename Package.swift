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
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
