"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
var _a, _b, _c, _d;
Object.defineProperty(exports, "__esModule", { value: true });
// Engine benchmark: how much does durable execution (Temporal + per-node DB recording) cost per node,
// compared with running the same nodes in-process in the same run (the baseline)?
//   pnpm --filter @bm/bench engine            (embedded: PGlite + its own Temporal dev server)
//   BENCH_SIZES=10,50,200 pnpm --filter @bm/bench engine
// Prints JSON (one object per graph) and a short table. Ratios, not absolute times, are comparable
// across machines.
var node_fs_1 = require("node:fs");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var client_1 = require("@temporalio/client");
var nodes_1 = require("@bm/nodes");
var server_1 = require("@bm/server");
var temporal_1 = require("@bm/temporal");
var sizes = ((_a = process.env.BENCH_SIZES) !== null && _a !== void 0 ? _a : '10,50').split(',').map(Number);
var repeats = Number((_b = process.env.BENCH_REPEATS) !== null && _b !== void 0 ? _b : 3);
function graphOf(shape, n) {
    var nodes = [{ id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } }];
    var edges = [];
    for (var i = 0; i < n; i++) {
        var prev = shape === 'chain' ? (i === 0 ? 'in' : "t".concat(i - 1)) : 'in';
        nodes.push({ id: "t".concat(i), type: 'transform.template', params: { template: "step ".concat(i, ": {{ input.word }}") }, position: { x: i, y: 0 } });
        edges.push({ id: "e".concat(i), source: prev, target: "t".concat(i) });
    }
    return { nodes: nodes, edges: edges };
}
/** The same node work without Temporal or the database. */
function baselineMs(n) {
    return __awaiter(this, void 0, void 0, function () {
        var def, ctx, t0, i;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    def = (0, nodes_1.getNodeDefinition)('transform.template');
                    ctx = { nodeId: 'x' };
                    t0 = performance.now();
                    i = 0;
                    _a.label = 1;
                case 1:
                    if (!(i < n)) return [3 /*break*/, 4];
                    return [4 /*yield*/, (0, nodes_1.executeNode)(def, { template: "step ".concat(i, ": {{ input.word }}") }, { input: { word: 'hi' }, nodes: {} }, ctx)];
                case 2:
                    _a.sent();
                    _a.label = 3;
                case 3:
                    i++;
                    return [3 /*break*/, 1];
                case 4: return [2 /*return*/, performance.now() - t0];
            }
        });
    });
}
var server = await (0, server_1.startServer)({ port: 0, dataDir: (0, node_fs_1.mkdtempSync)(node_path_1.default.join((0, node_os_1.tmpdir)(), 'bm-bench-')), env: { LOG_LEVEL: 'silent' } });
var call = function (method_1, p_1, body_1) {
    var args_1 = [];
    for (var _i = 3; _i < arguments.length; _i++) {
        args_1[_i - 3] = arguments[_i];
    }
    return __awaiter(void 0, __spreadArray([method_1, p_1, body_1], args_1, true), void 0, function (method, p, body, cookie) {
        var res;
        var _a;
        if (cookie === void 0) { cookie = ''; }
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, fetch(server.url + p, { method: method, headers: { 'content-type': 'application/json', cookie: cookie }, body: body ? JSON.stringify(body) : undefined })];
                case 1:
                    res = _b.sent();
                    _a = { res: res };
                    return [4 /*yield*/, res.json().catch(function () { return null; })];
                case 2: return [2 /*return*/, (_a.json = (_b.sent()), _a)];
            }
        });
    });
};
var signup = await call('POST', '/api/auth/signup', { email: "bench".concat(Date.now(), "@example.com"), password: 'benchmark-pass', name: 'Bench' });
var cookie = signup.res.headers.get('set-cookie').split(';')[0];
var temporal = new client_1.Client({ connection: await (await Promise.resolve().then(function () { return require('@temporalio/client'); })).Connection.connect({ address: server.temporalAddress }) });
var rows = [];
for (var _i = 0, _e = ['chain', 'fanout']; _i < _e.length; _i++) {
    var shape = _e[_i];
    for (var _f = 0, sizes_1 = sizes; _f < sizes_1.length; _f++) {
        var n = sizes_1[_f];
        var bot = await call('POST', '/api/bots', { name: "".concat(shape, "-").concat(n), graph: graphOf(shape, n) }, cookie);
        var times = [];
        var events = 0;
        for (var r = 0; r < repeats; r++) {
            var t0 = performance.now();
            var json = (await call('POST', "/api/bots/".concat(bot.json.id, "/runs"), { input: { word: 'hi' } }, cookie)).json;
            for (;;) {
                var run = (await call('GET', "/api/runs/".concat(json.runId), undefined, cookie)).json;
                if (['succeeded', 'failed', 'cancelled'].includes(run.status)) {
                    if (run.status !== 'succeeded')
                        throw new Error("bench run ".concat(run.status));
                    break;
                }
                await new Promise(function (res) { return setTimeout(res, 20); });
            }
            times.push(performance.now() - t0);
            var history_1 = await temporal.workflow.getHandle((0, temporal_1.runWorkflowId)(json.runId)).fetchHistory();
            events = (_d = (_c = history_1.events) === null || _c === void 0 ? void 0 : _c.length) !== null && _d !== void 0 ? _d : 0;
        }
        var base = await baselineMs(n + 1);
        var median = times.sort(function (a, b) { return a - b; })[Math.floor(times.length / 2)];
        rows.push({
            shape: shape,
            nodes: n + 1,
            runMedianMs: Math.round(median),
            perNodeMs: +(median / (n + 1)).toFixed(2),
            baselineMs: +base.toFixed(2),
            overheadRatio: Math.round(median / Math.max(base, 0.01)),
            historyEvents: events,
            historyEventsPerNode: +(events / (n + 1)).toFixed(1),
        });
    }
}
await temporal.connection.close();
await server.close();
console.log(JSON.stringify({ bench: 'engine', repeats: repeats, results: rows }, null, 2));
console.table(rows);
