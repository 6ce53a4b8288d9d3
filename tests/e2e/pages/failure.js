// The page's own script: it must keep working whatever happens to the widget.
document.getElementById("page-button").addEventListener("click", function () {
  var output = document.getElementById("page-count");
  output.textContent = String(Number(output.textContent) + 1);
});
