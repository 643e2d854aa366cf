window.workbenchTableWords = {
 "aria": {
  "orderable": "Sort by this column",
  "orderableRemove": "Back to the printed order",
  "orderableReverse": "Reverse the order"
 },
 "info": "_TOTAL_ rows",
 "infoEmpty": "No row",
 "infoFiltered": "(of _MAX_)",
 "search": "Filter rows:",
 "zeroRecords": "No row contains these words"
};
