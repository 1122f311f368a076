/**
 * Where the add-in is served, for the web build (webpack.config.js):
 *
 *   - the dev server's port comes from the package config ("config": {"dev_server_port"} in
 *     package.json, which npm also exposes as npm_package_config_dev_server_port, so
 *     `npm config set medaid-budget:dev_server_port 3100` or that variable overrides it);
 *   - manifest.xml in the repo points at https://localhost:3000/ (MANIFEST_DEV_ORIGIN); the
 *     build copies it to dist/web/manifest.xml with every such URL rewritten to the URL the
 *     add-in is deployed at (`webpack --mode production --env urlProd=https://host/path/`,
 *     or PUBLIC_URL), or to the configured dev port when none is given. That copy is the
 *     one to sideload or deploy: nobody edits URLs by hand.
 *
 * Plain Node: required by webpack.config.js and the tests (types in manifest-urls.d.ts).
 */
'use strict';
const path = require('path');

/** The origin manifest.xml is written against. */
const MANIFEST_DEV_ORIGIN = 'https://localhost:3000/';

/** The dev server's port from the package config (env first, as npm sets it). */
function devServerPort(env = process.env, pkg = require(path.join(__dirname, '..', 'package.json'))) {
  const raw = env.npm_package_config_dev_server_port ?? (pkg.config && pkg.config.dev_server_port);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`dev_server_port in package.json "config" must be a port number (1–65535), got ${JSON.stringify(raw)}`);
  }
  return port;
}

/**
 * The base URL the add-in is served from, normalised to end in "/". Office loads add-ins
 * only over HTTPS, so anything else is refused with the reason.
 */
function deploymentBase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`urlProd / PUBLIC_URL must be an absolute https:// URL, got ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'https:') throw new Error(`urlProd / PUBLIC_URL must use https:// (Office loads add-ins only over HTTPS), got ${url}`);
  if (u.search || u.hash) throw new Error(`urlProd / PUBLIC_URL must not carry a query or fragment, got ${url}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** manifest.xml with every URL under MANIFEST_DEV_ORIGIN moved to `base` (which ends in "/"). */
function rewriteManifestUrls(xml, base) {
  return xml.split(MANIFEST_DEV_ORIGIN).join(base);
}

/**
 * The base for the built manifest: the deployment URL when given (env.urlProd from
 * `--env urlProd=…`, else process.env.PUBLIC_URL), otherwise the dev server on its port.
 */
function manifestBase(webpackEnv = {}, env = process.env) {
  const prod = webpackEnv.urlProd || env.PUBLIC_URL;
  if (prod) return deploymentBase(prod);
  return `https://localhost:${devServerPort(env)}/`;
}

module.exports = { MANIFEST_DEV_ORIGIN, devServerPort, deploymentBase, rewriteManifestUrls, manifestBase };
