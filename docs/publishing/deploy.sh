#!/usr/bin/env bash
# Sample deploy script: build, check, then publish Output/ to one of the usual static hosts.
# Usage: docs/publishing/deploy.sh netlify|s3|rsync
set -euo pipefail

BRIEFGEN=${BRIEFGEN:-.build/release/briefgen}
BASE_URL=${BASE_URL:?set BASE_URL to the address the site is served at, e.g. https://briefing.example.org/}

"$BRIEFGEN" check
"$BRIEFGEN" build --base-url "$BASE_URL" --report build-report.json

case "${1:-}" in
  netlify)
    # Needs NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID; `npm i -g netlify-cli` provides the command.
    netlify deploy --dir Output --prod
    ;;
  s3)
    # Needs the AWS CLI and S3_BUCKET. Fingerprinted assets never change: cache them for a year.
    aws s3 sync Output/assets "s3://$S3_BUCKET/assets" --delete --cache-control "public, max-age=31536000, immutable"
    aws s3 sync Output "s3://$S3_BUCKET" --delete --exclude "assets/*" --cache-control "public, max-age=300"
    ;;
  rsync)
    # Any web server: DEPLOY_TARGET=user@host:/var/www/briefing/
    rsync -a --delete --checksum Output/ "${DEPLOY_TARGET:?set DEPLOY_TARGET}"
    ;;
  *)
    echo "usage: $0 netlify|s3|rsync" >&2
    exit 2
    ;;
esac
