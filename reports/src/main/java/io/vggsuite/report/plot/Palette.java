package io.vggsuite.report.plot;

import java.awt.Color;
import java.util.List;

/**
 * The report's colours: the palette of Okabe and Ito ("Color Universal Design", 2008), which stays
 * distinguishable under the common forms of colour blindness. A panel takes its line colours from
 * {@link #lines(int)}, which refuses to repeat one: two runs that share a colour cannot be told
 * apart, so a caller with more lines than colours must split them into panels.
 */
public final class Palette {

    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLACK = new Color(0x000000);
    /** Not Okabe and Ito's but as safe, having no hue: for what is undecided (an inconclusive claim). */
    public static final Color GREY = new Color(0x6E6E6E);
    /** For what is shown but not judged (a claim not run). */
    public static final Color LIGHT_GREY = new Color(0xBDBDBD);

    /** Okabe and Ito's colours in the order lines take them; their yellow is too pale for a line on white. */
    private static final List<Color> LINES = List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE,
            BLACK);

    private Palette() {}

    /** How many lines one panel can hold before a colour would repeat. */
    public static int size() {
        return LINES.size();
    }

    /** The first {@code count} line colours, all different; more than {@link #size()} is an error. */
    public static List<Color> lines(int count) {
        if (count > LINES.size()) {
            throw new IllegalArgumentException(count + " lines in one panel but only " + LINES.size()
                    + " distinguishable colours: split them into panels");
        }
        return LINES.subList(0, count);
    }

    /**
     * The colour of series {@code index} where a chart may hold more series than colours (grouped
     * bars, whose neighbours and value labels tell them apart); repeats after {@link #size()}.
     */
    static Color cyclic(int index) {
        return LINES.get(index % LINES.size());
    }
}
