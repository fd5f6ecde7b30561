"""`tokodesk sandbox`: serve a generated test shop that speaks a marketplace API, until Ctrl-C or SIGTERM.

Prints the base URL (the API and the token endpoint share it) and the sandbox app's credentials, so a channel can
be pointed at it: `tokodesk channel add demo --api-base URL --auth-url URL --fs-id ... --client-id ...`. The
credentials are sandbox-only values derived from --seed; printing them is the point.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any

from tokodesk.commands.args import PG_INT_MAX, float_in, int_in

HELP = "serve a simulated marketplace shop (products, orders, lifecycle, faults) on this machine until Ctrl-C"


# = tokodesk.sandbox.server.MAX_LATENCY_MS; not imported here, so registering the command loads no sandbox code.
MAX_LATENCY_MS = 60_000.0
MAX_RATE = 1_000_000.0


def register(sub: argparse._SubParsersAction) -> None:
    share = float_in(0.0, 1.0, "a share")
    rate = float_in(0.0, MAX_RATE)
    parser = sub.add_parser("sandbox", help=HELP, description=HELP)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this PC only)")
    parser.add_argument("--port", type=int_in(0, 65535), default=8765,
                        help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--seed", type=int_in(0, PG_INT_MAX), default=1,
                        help="the same seed gives the same shop (default 1)")
    parser.add_argument("--products", type=int_in(0, 100_000), default=40,
                        help="product listings; variants add more (default 40)")
    parser.add_argument("--orders", type=int_in(0, 2_000_000), default=500,
                        help="orders over the last --days (default 500)")
    parser.add_argument("--days", type=float_in(0.0, 3650.0), default=7.0,
                        help="how far back the orders go (default 7)")
    parser.add_argument("--dialect", default="tokopedia", help="which API the shop speaks (default tokopedia)")
    parser.add_argument("--rate-limit", type=rate, default=0.0,
                        help="requests per second per endpoint; 0 = off (default 0)")
    parser.add_argument("--fault-rate", type=share, default=0.0, help="share of requests answered 5xx, 0..1")
    parser.add_argument("--slow-rate", type=share, default=0.0, help="share of requests answered late, 0..1")
    parser.add_argument("--slow-seconds", type=float_in(0.0, 3600.0), default=5.0,
                        help="how late a slow answer comes (default 5)")
    parser.add_argument("--lost-rate", type=share, default=0.0,
                        help="share of requests applied but never answered (connection dropped), 0..1")
    parser.add_argument("--fault-targets", default="all",
                        help="which endpoints faults hit: all, mutations, reads, or comma-separated endpoint names")
    parser.add_argument("--new-orders-per-hour", type=rate, default=12.0,
                        help="new paid orders (default 12; 0 off)")
    parser.add_argument("--buyer-cancels-per-hour", type=rate, default=1.0,
                        help="buyer cancellations of recent orders (default 1; 0 off)")
    parser.add_argument("--time-scale", type=float_in(1e-6, 1e6), default=1.0,
                        help="multiplies how long couriers and buyers take (0.01 = a day passes in ~15 min)")
    parser.add_argument("--token-lifetime", type=float_in(1.0, 10 * 365 * 86400.0), default=14 * 86400,
                        help="seconds an access token lives (default two weeks)")
    parser.add_argument("--latency-ms", type=float_in(0.0, MAX_LATENCY_MS), default=0.0,
                        help="delay every answer by this many milliseconds, like a real network (default 0)")
    parser.add_argument("--jitter-ms", type=float_in(0.0, MAX_LATENCY_MS), default=0.0,
                        help="vary each answer's delay by up to ± this many milliseconds (default 0)")
    parser.add_argument("--json", action="store_true", help="print the URL and credentials as one JSON document")
    parser.set_defaults(func=run)


def _check(args: argparse.Namespace) -> str | None:
    # Each number's own range is checked by its argparse type; what remains spans several options.
    if args.fault_rate + args.slow_rate + args.lost_rate > 1.0:
        return "--fault-rate, --slow-rate and --lost-rate together must not exceed 1"
    return None


def run(args: argparse.Namespace) -> int:
    problem = _check(args)
    if problem:
        print(f"tokodesk sandbox: {problem}", file=sys.stderr)
        return 2
    from tokodesk.sandbox.server import DIALECTS

    if args.dialect not in DIALECTS:
        print(f"tokodesk sandbox: unknown --dialect {args.dialect!r}; choose one of: {', '.join(sorted(DIALECTS))}",
              file=sys.stderr)
        return 2
    targets = args.fault_targets
    if targets not in ("all", "mutations", "reads"):
        targets = [t.strip() for t in targets.split(",") if t.strip()]
    # Before anything is printed: whoever reads the URL may signal at once.
    stop = threading.Event()
    previous = _stop_on_signals(stop)
    try:
        return _serve(args, targets, stop)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _serve(args: argparse.Namespace, targets: str | list[str], stop: threading.Event) -> int:
    from tokodesk.sandbox import Sandbox

    print(f"tokodesk sandbox: generating shop (seed {args.seed}, {args.products} products, {args.orders} orders)",
          file=sys.stderr)
    sandbox = Sandbox(
        seed=args.seed, products=args.products, orders=args.orders, days=args.days, dialect=args.dialect,
        host=args.host, port=args.port, rate_limit=args.rate_limit or None, fault_rate=args.fault_rate,
        slow_rate=args.slow_rate, slow_seconds=args.slow_seconds, lost_response_rate=args.lost_rate,
        fault_targets=targets, token_lifetime=args.token_lifetime, new_orders_per_hour=args.new_orders_per_hour,
        buyer_cancels_per_hour=args.buyer_cancels_per_hour, time_scale=args.time_scale,
        latency_ms=args.latency_ms, jitter_ms=args.jitter_ms,
    )
    try:
        sandbox.start()
    except OSError as exc:
        print(f"tokodesk sandbox: cannot listen on {args.host}:{args.port} ({exc.strerror or exc}); "
              "choose another --port, or 0 for a free one", file=sys.stderr)
        return 1
    info = {"url": sandbox.url, "api_base": sandbox.url, "auth_url": sandbox.url, "dialect": args.dialect,
            "seed": args.seed, "latency_ms": args.latency_ms, "jitter_ms": args.jitter_ms,
            "credentials": sandbox.credentials}
    if args.json:
        print(json.dumps(info), flush=True)
    else:
        print(f"Sandbox shop ({args.dialect}) at {sandbox.url}  (API and token endpoint)")
        for key, value in sandbox.credentials.items():
            print(f"  {key}: {value}")
        print("These are sandbox-only credentials.", flush=True)
    print("tokodesk sandbox: serving; press Ctrl-C to stop", file=sys.stderr, flush=True)
    try:
        while not stop.wait(0.5):  # a timed wait: the signal handlers run on the main thread between waits
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    print("tokodesk sandbox: stopped", file=sys.stderr)
    return 0


def _stop_on_signals(stop: threading.Event) -> dict[int, Any]:
    """Stop on SIGINT and SIGTERM however the sandbox was started. A shell's background job inherits SIGINT
    *ignored*, and Python then never installs its Ctrl-C handler: set ours explicitly, whatever was inherited."""
    if threading.current_thread() is not threading.main_thread():
        return {}  # signal handlers can only be set on the main thread (the in-process tests call run())

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):  # SIGBREAK: Ctrl-Break in a Windows console
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, handler)
    return previous
