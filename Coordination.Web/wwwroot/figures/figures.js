// The figures page's download: the workbook is made on the server (the page shows progress meanwhile) and
// arrives over the circuit as a stream, saved here under its own file name.
window.boardFigures = {
    saveFile: async function (fileName, contentType, streamReference) {
        const buffer = await streamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(url);
    }
};
