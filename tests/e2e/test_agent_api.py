"""An AI assistant reads a view through Streamlit's agent API, opened by the same link parameters as a browser."""
import json
import urllib.request


def interact(app_url: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(f"{app_url}/_stcore/agent/{path}", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def elements(node: dict, kind: str) -> list[dict]:
    found = [node] if node.get("type") == kind else []
    return found + [e for child in node.get("children", []) for e in elements(child, kind)]


def test_an_assistant_opens_a_trade_view_by_its_link_parameters(app_url):
    snapshot = interact(app_url, "interact", {"page": "trade", "query_params": {
        "pairs": ["CHN-KAZ"], "flow": ["total"], "lang": ["es"], "figures": ["true"]}})
    assert snapshot["status"] == "ready" and snapshot["page"]["title"] == "Comercio"
    assert [w["value"] for w in elements(snapshot["tree"], "multiselect")][0] == ["China – Kazajistán"]
    table = next(t for t in elements(snapshot["tree"], "dataframe") if t.get("key") == "trade_table")
    columns = [c["name"] for c in table["data"]["columns"]]
    rows = [dict(zip(columns, row)) for row in table["data"]["preview"]["rows"]]
    # data/trade.csv: China's customs put 2023 trade with Kazakhstan at USD 41.0 bn; Kazakhstan's ministry at 31.5.
    in_2023 = {(r["Declarante (de quién son las estadísticas)"], r["Valor (USD)"]) for r in rows if r["Año"] == 2023}
    assert {("China", 41_000_000_000), ("Kazajistán", 31_500_000_000)} <= in_2023


def test_the_same_view_as_an_mcp_tool(app_url):
    answer = interact(app_url, "mcp", {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
        "name": "interact", "arguments": {"page": "meetings", "query_params": {
            "countries": ["RUS,KAZ"], "rule": ["all_contacts"], "period": ["2024-07-03", "2024-07-04"]}}}})
    snapshot = json.loads(answer["result"]["content"][0]["text"])
    # data/meetings.csv: 9 meetings with Russia or Kazakhstan on 3-4 July 2024 (the Astana summit); no statement
    # makes them a census, so the count is a lower bound.
    assert [m["props"]["value"] for m in elements(snapshot["tree"], "metric")] == ["at least 9"]
