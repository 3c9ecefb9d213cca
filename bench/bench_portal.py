"""Speed of the public portal: Chinese full-text search over 100,000 items, and public pages
under a load tool.

Issue 7: "search over 100,000 items answers in < 100 ms at the 95th percentile on PostgreSQL and
on SQLite; the portal's public pages serve >= 200 requests/s on this 2-core machine under a load
tool"; issue 15: "public pages at >= 200 requests/s on 2 cores; 200 concurrent connections with 0
errors and 0 dropped", served by ``gongkai serve`` itself (gunicorn, see gongkai.web.cli). For
each database this script migrates a throwaway database (a temporary SQLite file;
``gongkai_bench_portal`` on the PostgreSQL at 127.0.0.1), bulk-creates N published items of 20
agencies (titles and ~300-character bodies drawn from a Zipf-weighted vocabulary of government
words, so common words hit tens of thousands of items), indexes them the way publishing does
(gongkai.web.portal.search), then times ``search.search`` -- count, best 20, rows, highlighting --
for a fixed list of queries (frequent, rare, several terms, filters). Then it serves the same
database with gunicorn on 127.0.0.1 only and runs ``wrk`` (apt-get install wrk) against the
portal's public pages (16 connections for requests/s, then 200 connections at once, counting
non-2xx responses and socket errors: connect, read, write, timeout). Loopback only, every run
bounded by --seconds. Databases are dropped afterwards.

Run: .venv/bin/python bench/bench_portal.py [--items N] [--repeat R] [--seconds S]
     [--backends sqlite,postgresql] [--no-load]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DB = "gongkai_bench_portal"
PG_BENCH = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"

WORDS = (  # noqa: SIM905 -- a word list is easier to read and edit as text
    "通知 公告 关于 开展 工作 科技 项目 资金 补助 企业 创新 管理 办法 "
    "实施 意见 年度 认定 结果 公示 名单 申报 评审 政策 解读 规划 计划 "
    "预算 决算 采购 许可 处罚 强制 收费 服务 指南 标准 目录 信息 公开 "
    "政府 部门 单位 组织 建设 发展 推进 加强 落实 做好 有关 事项 情况 "
    "报告 统计 数据 专项 产业 技术 研发 成果 转化 人才 引进 培育 高新 "
    "中小 孵化 平台 基地 示范 合作 交流 培训 安全 生产 环境 保护 生态 "
    "农业 农村 城市 社区 街道 乡镇 教育 卫生 健康 医疗 养老 就业 社会 "
    "保障 住房 交通 运输 水利 能源 电力 文化 旅游 体育 市场 监管 质量 "
    "税收 财政 金融 投资 招标 投标 合同 审计 监督 检查 考核 评估 验收 "
    "备案 登记 注册 变更 注销 延续 核准 批准 同意 决定 答复 复议 诉讼 "
    "信访 投诉 举报 热线 咨询 受理 办理 期限 工作日 条例 法律 法规 规章 "
    "规范性 文件 修订 废止 有效 失效 印发 转发 批复 函 纪要 简报 动态 "
    "要闻 会议 活动 调研 视察 座谈 部署 动员 总结 表彰 奖励 星创天地 "
    "科技特派员 创新券 加计扣除 知识产权 专利 商标 科普 院士 工作站 研究院 "
    "实验室 重点 攻关 揭榜 挂帅 数字化 改革 营商 环境 一网通办 最多跑一次 "
    "共同富裕 乡村振兴 碳达峰 碳中和 长三角 一体化 "
).split()
QUERIES = [
    ("通知", {}),  # the commonest word of all
    ("科技", {}),
    ("补助资金", {}),
    ("公示", {"year": 2024}),
    ("创新券", {}),
    ("星创天地", {}),
    ("科技特派员 名单", {}),
    ("高新 企业 认定", {}),
    ("行政 处罚 决定", {}),
    ("知识产权", {"agency": 1}),
    ("规范性 文件", {"doc_type": "normative"}),
    ("碳达峰", {}),
    ("预算", {"year": 2023, "agency": 2}),
    ("局", {}),  # one character: a prefix query
    ("最多跑一次", {}),
    ("乡村振兴 共同富裕", {}),
    ("2024", {}),
    ("验收 结果", {"category": "top"}),
    ("不存在的词语组合", {}),
    ("会议 纪要", {}),
]
PAGES = ["/open/", "/open/agencies/{agency}/", "/open/items/{item}/", "/search/?q=" + quote("补助资金")]


def _recreate_pg() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_DB}")


def _drop_pg() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")


def _text(rng: random.Random, weights: list[float], n: int) -> str:
    words = rng.choices(WORDS, weights=weights, k=n)
    out, line = [], []
    for w in words:
        line.append(w)
        if rng.random() < 0.12:
            out.append("".join(line) + rng.choice("，。；"))
            line = []
    return "".join(out) + "".join(line) + "。"


def populate(n: int) -> dict[str, int]:
    """N published items with their versions, search rows and index rows (bulk, not the actions)."""
    from django.db import connection, transaction

    from gongkai.web.accounts.models import Agency
    from gongkai.web.disclosure import catalogue
    from gongkai.web.disclosure.models import Category, Item, ItemVersion
    from gongkai.web.portal import search
    from gongkai.web.portal.models import SearchEntry

    rng = random.Random(20261127)
    weights = [1 / (i + 1) ** 0.9 for i in range(len(WORDS))]
    rng.shuffle(weights)
    agencies = [Agency.objects.create(name=f"示例市第{i + 1}局", short_name=f"示{i + 1}") for i in range(20)]
    heads: dict[int, list[Category]] = {}
    leaves: dict[int, list[Category]] = {}
    for a in agencies:
        catalogue.seed_catalogue(a)
        cats = list(Category.objects.filter(agency=a))
        heads[a.pk] = [c for c in cats if c.parent_id is None]
        leaves[a.pk] = [c for c in cats if c.parent_id is not None] or heads[a.pk]
    first = date(2021, 1, 4)
    chunk = 5000
    for start in range(0, n, chunk):
        items = []
        for i in range(start, min(n, start + chunk)):
            a = agencies[i % len(agencies)]
            written = first + timedelta(days=rng.randint(0, 5 * 365))
            cat = rng.choice(leaves[a.pk])
            doc_type = "normative" if rng.random() < 0.03 else "other"
            items.append(
                Item(
                    agency=a,
                    category=cat,
                    year=written.year,
                    serial=i + 1,
                    index_number=f"bench/{i + 1:07d}",
                    title=_text(rng, weights, rng.randint(4, 9)).rstrip("。") + "的通知",
                    publisher=a.name,
                    doc_type=doc_type,
                    written_on=written,
                    made_on=written,
                    published_on=written + timedelta(days=3),
                    status="published",
                    body=_text(rng, weights, rng.randint(80, 160)),
                )
            )
        with transaction.atomic():
            made = Item.objects.bulk_create(items)
            versions = ItemVersion.objects.bulk_create(
                ItemVersion(item=it, number=1, title=it.title, body=it.body, published_on=it.published_on)
                for it in made
            )
            for it, ver in zip(made, versions, strict=True):
                it.current_version = ver
            Item.objects.bulk_update(made, ["current_version"], batch_size=1000)
            by_pk = {c.pk: c for cs in heads.values() for c in cs}
            parents = {c.pk: c.parent_id for cs in leaves.values() for c in cs}
            entries = SearchEntry.objects.bulk_create(
                SearchEntry(
                    item_id=it.pk,
                    agency=it.agency,  # the object: index_row reads its name
                    category_id=by_pk[parents.get(it.category_id) or it.category_id].pk,
                    year=it.published_on.year,
                    doc_type=it.doc_type,
                    published_on=it.published_on,
                    title=it.title,
                    index_number=it.index_number,
                    text=it.body,
                )
                for it in made
            )
            with connection.cursor() as cur:
                cur.executemany(search.INSERT[connection.vendor], [search.index_row(e) for e in entries])
        print(f"  {min(n, start + chunk):>7} items", file=sys.stderr, flush=True)
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("VACUUM ANALYZE")
        else:
            cur.execute(f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}) VALUES ('optimize')")
            cur.execute("ANALYZE")
    some_item = Item.objects.order_by("pk").values_list("pk", flat=True).first()
    return {"agency": agencies[0].pk, "item": some_item or 0, "top": heads[agencies[0].pk][1].pk}


def time_search(ids: dict[str, int], repeat: int) -> dict[str, object]:
    from django.db import connection

    from gongkai.web.portal import search

    timings: list[float] = []
    per_query = []
    for q, raw in QUERIES:
        f = dict(raw)
        if f.get("category") == "top":
            f["category"] = ids["top"]
        if "agency" in f:
            f["agency"] = ids["agency"] + f["agency"] - 1
        filters = search.Filters(**f)
        query = search.Query.parse(q)
        search.search(query, filters)  # warm
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            result = search.search(query, filters)
            runs.append((time.perf_counter() - t) * 1000)
        timings += runs
        per_query.append(
            (
                q + (" " + json.dumps(raw, ensure_ascii=False) if raw else ""),
                result.total,
                statistics.median(runs),
                max(runs),
            )
        )
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    return {
        "vendor": connection.vendor,
        "p50": statistics.median(timings),
        "p95": p95,
        "max": timings[-1],
        "queries": per_query,
    }


def child(backend: str, n: int, repeat: int, data_dir: str) -> None:
    os.environ["GONGKAI_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.settings"
    if backend == "postgresql":
        os.environ["DATABASE_URL"] = PG_BENCH
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    t = time.perf_counter()
    ids = populate(n)
    build = time.perf_counter() - t
    result = time_search(ids, repeat)
    result.update(ids=ids, build_s=build, items=n)
    print("RESULT " + json.dumps(result, ensure_ascii=False))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wrk(url: str, connections: int, seconds: int) -> tuple[float, str, int]:
    """(requests/s, note, errors) of ``wrk -t2 -cN``; errors are non-2xx/3xx responses plus socket
    errors (connect, read, write, timeout: a connection refused, reset or never answered)."""
    done = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))  # type: ignore[union-attr]
    requests = re.search(r"(\d+) requests in", done.stdout)
    status = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    sockets = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", done.stdout)
    dropped = sum(int(n) for n in sockets.groups()) if sockets else 0
    errors = (int(status.group(1)) if status else 0) + dropped
    p99 = re.search(r"99%\s+(\S+)", done.stdout)
    note = (
        f"{requests.group(1) if requests else '?'} requests, p99 {p99.group(1) if p99 else '?'}, "
        f"{int(status.group(1)) if status else 0} non-2xx, {dropped} socket errors"
    )
    return rps, note, errors


def load(backend: str, data_dir: str, ids: dict[str, int], seconds: int) -> list[tuple[str, float, str]]:
    """Requests/s of each public page under ``gongkai serve`` with wrk (2 threads, 16 connections),
    then the same pages with 200 connections at once."""
    port = _free_port()
    env = {**os.environ, "GONGKAI_DATA_DIR": data_dir}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if backend == "postgresql":
        env["DATABASE_URL"] = PG_BENCH
    server = subprocess.Popen(
        [sys.executable, "-m", "gongkai", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,  # the request log: one line a request
        stderr=subprocess.DEVNULL,
    )
    out = []
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        for page in PAGES:
            url = f"http://127.0.0.1:{port}" + page.format(**ids)
            subprocess.run(["wrk", "-t1", "-c2", "-d2s", url], capture_output=True, check=True)  # warm
            rps, note, _ = _wrk(url, 16, seconds)
            out.append((page, rps, note))
        for page in PAGES:
            url = f"http://127.0.0.1:{port}" + page.format(**ids)
            rps, note, _ = _wrk(url, 200, seconds)
            out.append((f"{page} (200 connections)", rps, note))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.items, args.repeat, args.data_dir)
        return
    for backend in args.backends.split(","):
        data_dir = tempfile.mkdtemp(prefix="gongkai-bench-portal-")
        if backend == "postgresql":
            _recreate_pg()
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    backend,
                    "--items",
                    str(args.items),
                    "--repeat",
                    str(args.repeat),
                    "--data-dir",
                    data_dir,
                ],
                capture_output=True,
                text=True,
                check=False,
                cwd=ROOT,
            )
            line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if line is None:
                print(done.stdout, done.stderr, sep="\n")
                raise SystemExit(f"{backend}: the benchmark failed")
            r = json.loads(line[len("RESULT ") :])
            print(f"\n== {backend}: {r['items']} items, built in {r['build_s']:.0f} s")
            print(
                f"search over {len(QUERIES)} queries x {args.repeat}: p50 {r['p50']:.1f} ms, "
                f"p95 {r['p95']:.1f} ms, max {r['max']:.1f} ms"
            )
            print(f"  {'query':<34} {'hits':>7} {'median ms':>10} {'max ms':>8}")
            for q, total, med, mx in r["queries"]:
                print(f"  {q:<34} {total:>7} {med:>10.1f} {mx:>8.1f}")
            if not args.no_load:
                print(f"public pages, gongkai serve + wrk -t2 -c16 / -c200 -d{args.seconds}s:")
                for page, rps, note in load(backend, data_dir, r["ids"], args.seconds):
                    print(f"  {page:<34} {rps:>8.0f} req/s  ({note})")
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
            if backend == "postgresql":
                _drop_pg()


if __name__ == "__main__":
    main()
