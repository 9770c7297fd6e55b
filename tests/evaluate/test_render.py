from frontlines.evaluate.render import format_metrics


def test_rates_show_as_percentages_and_counts_as_numbers() -> None:
    text = format_metrics(
        {"pair_recall": 0.456, "gold_pairs": 635.0, "rows": 20.0, "merged_events": 20108.0}
    )
    lines = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line.strip()}
    assert lines["pair_recall"] == ["45.6", "%"]
    assert lines["gold_pairs"] == ["635"]
    assert lines["rows"] == ["20"]
    assert lines["merged_events"] == ["20108"]
