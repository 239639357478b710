#!/usr/bin/env bash
# Scaffolds a workspace package with the project's package conventions: scripts/new-package.sh packages/foo @ctpipe/foo
set -euo pipefail
dir=$1 name=$2
mkdir -p "$dir/src"
[ -f "$dir/package.json" ] || cat >"$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "private": true,
  "type": "module",
  "exports": {
    ".": {
      "source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    }
  },
  "scripts": {
    "build": "tsc -p tsconfig.build.json",
    "typecheck": "tsc -p tsconfig.json --noEmit"
  }
}
JSON
[ -f "$dir/tsconfig.json" ] || cat >"$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "noEmit": true },
  "include": ["src", "test"]
}
JSON
[ -f "$dir/tsconfig.build.json" ] || cat >"$dir/tsconfig.build.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "customConditions": [] },
  "include": ["src"],
  "exclude": ["src/**/*.test.ts"]
}
JSON
