# The two commands: `make report` (set-up, then every notebook over every seed article into
# reports/) and `make test` (set-up, then pytest over tests/ and nbval over notebooks/).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := parley

.PHONY: setup report test notebooks lab bench clean

# Bytecode ahead of time: with PYTHONDONTWRITEBYTECODE set, every run would otherwise
# recompile parley's modules (~0.1 s); compileall only redoes files that changed.
setup: $(STAMP)
	$(BIN)/python -m compileall -q lib

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "parley (Python 3.11)" >/dev/null
	touch $(STAMP)

report: setup
	@$(BIN)/python -m parley.report --seeds seeds --corpus tests/realnews --notebooks notebooks --out reports --kernel $(KERNEL)

test: setup
	$(BIN)/python -m pytest tests -q
	$(BIN)/python -m pytest -q --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg notebooks

notebooks: setup
	for nb in notebooks/*.ipynb; do $(BIN)/papermill --kernel $(KERNEL) --cwd notebooks "$$nb" "$$nb" || exit 1; done

bench: setup
	$(BIN)/python tools/bench.py

lab: setup
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf reports out
