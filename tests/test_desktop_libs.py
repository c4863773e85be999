"""The system-library check that runs before Qt loads (issue 14 item 1)."""

import sys

from tracker import cli, desktop_libs


def test_every_library_says_why_and_names_its_package():
    for lib in desktop_libs.LIBRARIES:
        assert lib.soname.startswith("lib") and ".so" in lib.soname
        assert lib.package and lib.why
    assert "libxcb-cursor0" in {lib.package for lib in desktop_libs.LIBRARIES}


def test_a_fake_missing_library_gives_one_line_with_the_install_command():
    line = desktop_libs.check(
        env={"DISPLAY": ":0"}, loads=lambda soname: soname != "libxcb-cursor.so.0"
    )
    assert line is not None and "\n" not in line
    assert "sudo apt-get install -y libxcb-cursor0" in line


def test_offscreen_does_not_need_the_x11_libraries():
    missing = desktop_libs.missing_libraries("offscreen", loads=lambda s: "xcb" not in s)
    assert missing == []
    assert desktop_libs.platform({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert desktop_libs.platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert desktop_libs.platform({"DISPLAY": ":0"}) == "xcb"


def test_nothing_missing_here_and_the_check_can_be_skipped():
    assert desktop_libs.check(env={"QT_QPA_PLATFORM": "offscreen"}) is None
    assert desktop_libs.check(env={"TRACKER_SKIP_LIB_CHECK": "1"}, loads=lambda s: False) is None


def test_the_gui_entry_prints_the_line_instead_of_loading_qt(monkeypatch, capsys):
    monkeypatch.setattr(desktop_libs, "_loads", lambda soname: soname != "libxcb-cursor.so.0")
    monkeypatch.setattr(desktop_libs.check, "__defaults__", (None, desktop_libs._loads))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("TRACKER_SKIP_LIB_CHECK", raising=False)
    loaded_ui = "tracker.ui" in sys.modules
    assert cli.gui_main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "libxcb-cursor0" in err
    assert ("tracker.ui" in sys.modules) == loaded_ui  # the window was never built
