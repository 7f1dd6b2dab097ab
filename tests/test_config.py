import pickle
from typing import get_args

import pytest

from newsnorm import PRESETS, Config, ConfigError, normalize
from newsnorm.config import SpacingMode
from newsnorm.spacing import Style


def test_defaults_are_the_default_preset() -> None:
    assert Config() == Config.preset("default") == PRESETS["default"]


def test_keyword_overrides_reach_the_pipeline() -> None:
    text = '"Hi," she said. “Bye.”'
    assert normalize(text, quotes="straight").text == '"Hi," she said. "Bye."'
    assert normalize(text, Config(quotes="preserve")).text == text


def test_overrides_win_over_the_config_given() -> None:
    assert Config.resolve(Config(quotes="curly"), quotes="straight").quotes == "straight"


@pytest.mark.parametrize(
    "overrides",
    [{"quotes": "fancy"}, {"spacing": "on"}, {"header": "yes"}, {"unknown": True}],
)
def test_bad_options_raise_config_error(overrides: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        Config().evolve(**overrides)


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="quotes must be one of"):
        Config(quotes="fancy")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_runs(name: str) -> None:
    article = normalize("Title: A\n\nIt ’ s fine .", Config.preset(name))
    assert article.text


def test_minimal_preset_leaves_text_alone() -> None:
    text = "It ’ s tokenized , and stays so ."
    assert normalize(text, Config.preset("minimal")).text == text


def test_spacing_modes_are_auto_off_and_every_tokenization_style() -> None:
    styles = set(get_args(Style)) - {"raw"}  # "off" is the raw style's option
    assert set(get_args(SpacingMode)) == {"auto", "off"} | styles


def test_a_known_tokenizer_keeps_a_dash_that_one_sentence_cannot_show() -> None:
    text = "The six - member team can not go ."
    assert normalize(text).text == "The six-member team cannot go."
    assert normalize(text, spacing="moses").text == "The six - member team can not go."
    assert normalize(text, spacing="ptb").text == "The six - member team cannot go."


@pytest.mark.parametrize(("given", "seconds"), [(None, None), (5, 5.0), (0.25, 0.25)])
def test_a_time_budget_is_a_number_of_seconds_or_none(given: object, seconds: object) -> None:
    config = Config(time_budget=given)  # type: ignore[arg-type]
    assert config.time_budget == seconds
    assert pickle.loads(pickle.dumps(config)) == config
    # As the command line reads a config file: a TOML integer or float, through a preset.
    assert Config.preset("default", time_budget=given).time_budget == seconds


@pytest.mark.parametrize("bad", [0, -1.0, True, "5", float("nan"), float("inf")])
def test_a_time_budget_must_be_above_zero_and_finite(bad: object) -> None:
    with pytest.raises(ConfigError, match="time_budget must be a number of seconds above 0"):
        Config(time_budget=bad)  # type: ignore[arg-type]
