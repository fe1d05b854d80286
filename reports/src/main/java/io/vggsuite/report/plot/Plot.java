package io.vggsuite.report.plot;

/** A rendered chart: PNG bytes for Markdown and the HTML page, SVG text for print. */
public record Plot(byte[] png, String svg) {}
