# shellcheck shell=bash
# Sourced by the run-*-targets.sh scripts. private_cli REPO RUNS_DIR builds the CLI (Release) and
# copies it to RUNS_DIR/.cli, then sets `cli` to that copy: rebuilding the repository while a long
# run goes on cannot change the program it runs.
private_cli() {
    local repo=$1 runs=$2
    dotnet build "$repo/src/CompactConv.Cli" -c Release -v quiet -nologo >/dev/null
    rm -rf "$runs/.cli" && cp -r "$repo/src/CompactConv.Cli/bin/Release/net10.0" "$runs/.cli"
    cli="$runs/.cli/compactconv"
}
