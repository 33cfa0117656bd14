"""The curation helpers the README names run as written."""
import subprocess
import sys

from tests.conftest import ROOT


def test_build_cities_leaves_a_complete_cities_table_as_it_is(data_copy):
    before = (data_copy / "cities.csv").read_bytes()
    done = subprocess.run([sys.executable, "scripts/build_cities.py"], cwd=ROOT, capture_output=True, text=True,
                          env={"SCO_DATA_DIR": str(data_copy), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (data_copy / "cities.csv").read_bytes() == before


def test_build_cities_places_a_new_city_from_geonames(data_copy):
    from tests.conftest import append_row
    append_row(data_copy, "summits.csv", {"city": "Almaty", "host_iso3": "KAZ"})
    done = subprocess.run([sys.executable, "scripts/build_cities.py"], cwd=ROOT, capture_output=True, text=True,
                          env={"SCO_DATA_DIR": str(data_copy), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    added = [line for line in (data_copy / "cities.csv").read_text(encoding="utf-8").splitlines()
             if line.startswith("Almaty,KAZ,")]
    # GeoNames 1526384: Almaty, 43.25 N 76.92 E.
    assert len(added) == 1 and "43.25" in added[0] and "76.9" in added[0] and "1526384" in added[0]
