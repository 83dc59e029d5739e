"""Search latency over a generated catalogue (default 100,000 items).

    .venv/bin/python tests/benchmarks/bench_search.py [--items N]

Prints p50/p95/max per query kind. Target (issue 2): p95 ≤ 10 ms at 100,000 items.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.catalog import Catalogue

# Common characters of names, places and sayings; random titles from them.
CHARS = (
    "清风廉政包拯海瑞杨震周敦颐范仲淹文天祥林则徐于成龙方志敏焦裕禄孔繁森杨善洲"
    "家训格言警句公正无私爱民如子勤俭节约两袖清风一身正气克己奉公秉公用权"
    "纪念馆故居教育基地县乡村展览书法海报影片历史人物地点事件春秋汉唐宋元明清"
)
ENGLISH = [
    "integrity",
    "clean",
    "government",
    "honest",
    "official",
    "upright",
    "frugal",
    "family",
    "instruction",
    "memorial",
    "hall",
    "former",
    "residence",
    "education",
    "base",
    "calligraphy",
    "poster",
    "film",
    "history",
    "people",
    "place",
    "event",
    "aphorism",
    "lotus",
    "bamboo",
    "mountain",
    "river",
    "county",
    "village",
    "justice",
]
KINDS = ["person", "place", "event", "aphorism", "poster", "calligraphy", "photo", "topic"]


def build(path: Path, n: int, rng: random.Random) -> Catalogue:
    cat = Catalogue.open(path)
    t0 = time.perf_counter()
    with cat.transaction():
        for i in range(n):
            title = "".join(rng.choice(CHARS) for _ in range(rng.randint(2, 8)))
            cat.upsert_item(
                {
                    "key": f"item-{i}",
                    "kind": rng.choice(KINDS),
                    "title_zh": title,
                    "title_en": " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(1, 5))),
                    "summary_zh": "".join(rng.choice(CHARS) for _ in range(40)),
                    "summary_en": " ".join(rng.choice(ENGLISH) for _ in range(15)),
                }
            )
    print(
        f"built {n} items in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
    )
    return cat


def measure(cat: Catalogue, queries: list[str]) -> list[float]:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        cat.search(q, limit=50)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        cat = build(Path(tmp) / "bench.sqlite", args.items, rng)
        samples = {
            "chinese 2 chars": ["".join(rng.sample(CHARS, 2)) for _ in range(args.queries)],
            "chinese 1 char": [rng.choice(CHARS) for _ in range(args.queries)],
            "pinyin full": [
                rng.choice(
                    [
                        "baozheng",
                        "hairui",
                        "lianzheng",
                        "qingfeng",
                        "jiaxun",
                        "yangzhen",
                        "jinian",
                        "shufa",
                    ]
                )
                for _ in range(args.queries)
            ],
            "pinyin initials": [
                rng.choice(["bz", "hr", "lz", "qf", "jx", "yz", "jng"]) for _ in range(args.queries)
            ],
            "typing letter by letter": [
                w[:k] for w in ("baozheng", "integrity", "hairui") for k in range(1, len(w) + 1)
            ]
            * 10,
            "english word": [rng.choice(ENGLISH) for _ in range(args.queries)],
        }
        all_times = []
        print(f"{'query kind':<26}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}")
        for name, queries in samples.items():
            measure(cat, queries[:20])  # warm the page cache
            times = measure(cat, queries)
            all_times += times
            q = statistics.quantiles(times, n=20)
            print(f"{name:<26}{statistics.median(times):>8.2f}{q[18]:>8.2f}{max(times):>8.2f}")
        q = statistics.quantiles(all_times, n=20)
        print(
            f"{'ALL':<26}{statistics.median(all_times):>8.2f}{q[18]:>8.2f}{max(all_times):>8.2f}"
            f"   (target p95 <= 10 ms at 100,000 items)"
        )
        cat.close()


if __name__ == "__main__":
    main()
