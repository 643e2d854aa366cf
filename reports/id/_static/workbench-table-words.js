window.workbenchTableWords = {
 "aria": {
  "orderable": "Urutkan menurut kolom ini",
  "orderableRemove": "Kembali ke urutan seperti tercetak",
  "orderableReverse": "Balikkan urutan"
 },
 "info": "_TOTAL_ baris",
 "infoEmpty": "Tidak ada baris",
 "infoFiltered": "(dari _MAX_)",
 "search": "Saring baris:",
 "zeroRecords": "Tidak ada baris yang memuat kata-kata ini"
};
