#!/usr/bin/env bash
# Packs the six packages (CompactConv, CompactConv.Audio, CompactConv.Onnx, CompactConv.Runtime, CompactConv.Training and the tool
# CompactConv.Tool) in Release into artifacts/feed, a local NuGet feed to install from until a public
# feed exists, then prints how to use it. The tool carries the libtorch natives of this machine's OS.
# Usage: scripts/make-local-feed.sh [feed folder]   (default: artifacts/feed)
set -euo pipefail
cd "$(dirname "$0")/.."
feed="$(realpath -m "${1:-artifacts/feed}")"
rm -rf "$feed"
mkdir -p "$feed"
# ContinuousIntegrationBuild: deterministic paths in the pdbs, as a CI server would pack them.
pack=(dotnet pack -c Release -o "$feed" -p:ContinuousIntegrationBuild=true --nologo -v:q)
# The tool first: its build compiles the five libraries, which are then packed without building again.
"${pack[@]}" src/CompactConv.Cli/CompactConv.Cli.csproj
for lib in CompactConv CompactConv.Audio CompactConv.Onnx CompactConv.Runtime CompactConv.Training; do
  "${pack[@]}" --no-build "src/$lib/$lib.csproj"
done
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Directory.Build.props)"
echo
echo "Packages in $feed:"
ls -1sh "$feed"
cat <<USAGE

Install the command-line tool (the first install unpacks libtorch, about 200 MB):
  dotnet tool install --global CompactConv.Tool --version $version --add-source "$feed"
  compactconv --help
Update it after packing again:
  dotnet tool update --global CompactConv.Tool --version $version --add-source "$feed"

Use the libraries from a project (plus one libtorch backend for the program's OS):
  dotnet add package CompactConv.Training --version $version --source "$feed"
  dotnet add package libtorch-cpu-linux-x64 --version 2.10.0
NuGet caches a version once: after repacking the same version, remove ~/.nuget/packages/compactconv*/$version
(or run: dotnet nuget locals global-packages --clear) before restoring again.
USAGE
