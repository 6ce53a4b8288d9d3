# The two commands of the README. Each installs what is missing first.
.PHONY: serve test size

## Build the widget and the demo news page, serve them at http://127.0.0.1:8080
serve:
	scripts/serve.sh

## Install test needs (chromium, chromedriver, npm packages) and run every test level
test:
	scripts/setup.sh test
	scripts/check.sh

## Print the bundle's bytes against the budget (after a build)
size:
	scripts/size.sh
