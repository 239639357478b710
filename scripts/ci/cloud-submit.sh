#!/bin/sh
# Runs cloudbuild.yaml on Cloud Build from this checkout, as a trigger would. A manual build has none of the trigger
# built-ins, so pass them: usage `npm run ci:cloud -- [ENV] [extra substitutions, e.g. _RUN_PIPELINE=true]`.
set -eu
ENV="${1:-dev}"
[ "$#" -gt 0 ] && shift
SHA="$(git rev-parse HEAD)"
BRANCH="$(git rev-parse --abbrev-ref HEAD)"
SUBS="COMMIT_SHA=${SHA},SHORT_SHA=$(echo "$SHA" | cut -c1-7),BRANCH_NAME=${BRANCH},_ENV=${ENV}"
for extra in "$@"; do SUBS="${SUBS},${extra}"; done
exec gcloud builds submit --config cloudbuild.yaml --substitutions "$SUBS" .
