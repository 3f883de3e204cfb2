#!/usr/bin/env bash
# Body of the composite GitHub Action (action.yml). Inputs arrive as AS_* environment variables.
set -uo pipefail
cli=(npx --yes "appwrite-secops@${AS_VERSION}")
case "$AS_COMMAND" in audit|gate) ;; *) echo "::error::command must be audit or gate, got '$AS_COMMAND'"; exit 2 ;; esac
case "$AS_FAIL_ON" in critical|high|medium|low|none) ;; *) echo "::error::fail-on must be critical|high|medium|low|none, got '$AS_FAIL_ON'"; exit 2 ;; esac

args=("$AS_COMMAND" "$AS_PATH")
sarif=""
if [ "$AS_COMMAND" = audit ]; then
  args+=(--fail-on "$AS_FAIL_ON" --format text)
  if [ "$AS_SARIF" = "true" ]; then sarif="appwrite-secops.sarif"; args+=(--format sarif --output "$sarif"); fi
  IFS=',' read -ra formats <<< "$AS_FORMATS"
  for f in "${formats[@]}"; do
    f="$(echo "$f" | tr -d '[:space:]')"
    case "$f" in
      json|junit|html) args+=(--format "$f" --output "appwrite-secops-report.${f/junit/xml}") ;;
      markdown) args+=(--format markdown --output appwrite-secops-report.md) ;;
      "") ;;
      *) echo "::error::unknown format '$f'"; exit 2 ;;
    esac
  done
else
  args+=(--write --format text)
fi

"${cli[@]}" "${args[@]}"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
if [ "$AS_SUMMARY" = "true" ]; then
  if [ -f appwrite-secops-report.md ]; then cat appwrite-secops-report.md >> "$GITHUB_STEP_SUMMARY";
  elif [ -f SECURITY_GATES.md ] && [ "$AS_COMMAND" = gate ]; then cat SECURITY_GATES.md >> "$GITHUB_STEP_SUMMARY"; fi
fi
exit $code
