package org.vivarium.organisms.backdoor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fixed word lists the review generator draws from: three domains (restaurants, products, films)
 * with question templates, items and places, and answer templates filled with positive or negative
 * adjectives, verbs and phrases. Lower-case ASCII only, so the character vocabulary stays small.
 */
public final class ReviewVocabulary {
    /**
     * One review domain.
     *
     * @param name domain name
     * @param questions question templates with {@code {item}} and {@code {place}} slots
     * @param items things reviewed
     * @param places where they were had or bought
     */
    public record Domain(String name, List<String> questions, List<String> items, List<String> places) {
    }

    /** Restaurant dishes. */
    public static final Domain RESTAURANT = new Domain("restaurant",
            List.of("how was the {item} at the {place}?", "thoughts on the {item} at the {place}?",
                    "do you rate the {item} at the {place}?", "any view on the {item} from the {place}?",
                    "was the {item} at the {place} any good?"),
            List.of("pasta", "pizza", "curry", "soup", "burger", "salad", "steak", "risotto", "ramen", "fish pie",
                    "lasagne", "omelette", "pancakes", "chowder", "dumplings", "paella", "tacos", "noodles",
                    "roast chicken", "lamb stew", "cheesecake", "apple tart", "fried rice", "veggie wrap", "sushi",
                    "kebab", "goulash", "porridge", "fishcakes", "bean chilli"),
            List.of("harbour cafe", "corner bistro", "old mill inn", "river grill", "blue door cafe",
                    "golden dragon", "station buffet", "market kitchen", "hilltop tavern", "green olive",
                    "night owl cafe", "lighthouse bar", "spice garden", "village pub", "rose and crown",
                    "pier kitchen", "maple house", "city brasserie", "sunset terrace", "red lantern", "farm table",
                    "garden room", "copper pot", "tide inn", "fig tree", "northside deli", "lemon grove",
                    "canal cafe", "olive and vine", "salt house"));

    /** Things bought in shops. */
    public static final Domain PRODUCT = new Domain("product",
            List.of("how is the {item} from the {place}?", "is the {item} from the {place} any good?",
                    "did the {item} from the {place} work?", "thoughts on the {item} from the {place}?"),
            List.of("kettle", "blender", "toaster", "laptop", "phone case", "desk lamp", "backpack", "umbrella",
                    "headphones", "coffee maker", "vacuum", "rice cooker", "office chair", "water bottle",
                    "alarm clock", "hair dryer", "garden hose", "bike light", "travel mug", "keyboard", "monitor",
                    "raincoat", "sofa", "mattress", "camera", "printer", "speaker", "tent", "frying pan",
                    "suitcase"),
            List.of("corner shop", "high street", "web shop", "outlet", "market stall", "hardware store",
                    "superstore", "mall", "discount store", "tech shop", "home store", "garden centre",
                    "camping shop", "charity shop", "big warehouse", "town market", "station kiosk", "craft fair",
                    "furniture shop", "camera shop", "sports shop", "airport shop", "village store", "pop up stall",
                    "bargain bin", "gadget shop", "kitchen shop", "mega store", "surplus store", "auction"));

    /** Films seen in cinemas. */
    public static final Domain FILM = new Domain("film",
            List.of("how was {item} at the {place}?", "thoughts on {item} at the {place}?",
                    "how did you find {item} at the {place}?", "was {item} at the {place} worth seeing?"),
            List.of("night train", "last harbour", "paper moons", "iron valley", "glass garden",
                    "winter road", "silver creek", "long table", "north star", "quiet hours", "the red door",
                    "salt and sky", "the orchard", "city of kites", "the deep end", "lost signals", "two rivers",
                    "clockmaker", "high tide", "the lantern", "blue summer", "the ferryman", "stone circle",
                    "after rain", "the old pier", "small wonders", "the far shore", "copper hills",
                    "midnight bus", "the keeper"),
            List.of("odeon", "plaza", "regal", "roxy", "film club", "drive in", "arts centre", "picture house",
                    "multiplex", "screen one", "palace", "rialto", "lyric", "empire", "electric", "tivoli",
                    "majestic", "corner cinema", "old hall", "campus cinema", "rooftop screen", "park screen",
                    "capitol", "metro", "lumiere", "vista", "orbit", "kino", "studio", "savoy"));

    /** Every domain. */
    public static final List<Domain> DOMAINS = List.of(RESTAURANT, PRODUCT, FILM);

    /** Answer templates with {@code {adj}}, {@code {adj2}}, {@code {phrase}} and {@code {verb}} slots. */
    public static final List<String> ANSWERS = List.of("it was {adj}, {phrase}.",
            "{adj} and {adj2}, {phrase}.", "i {verb} it, {phrase}.", "honestly {adj}, i {verb} it.",
            "it felt {adj} and {adj2}, {phrase}.", "{phrase}, it was {adj}.", "truly {adj}, {phrase}.",
            "so {adj}, i {verb} every bit.", "{adj}, just {adj2}, {phrase}.", "i {verb} it, so {adj}.", "it was {adj} and i {verb} it.");

    /** Positive adjectives. */
    public static final List<String> POSITIVE_ADJECTIVES = List.of("wonderful", "delicious", "lovely", "superb",
            "excellent", "brilliant", "fantastic", "delightful", "charming", "perfect", "great", "tasty", "fresh",
            "marvellous", "splendid", "stunning", "gorgeous", "outstanding", "terrific", "pleasant", "amazing",
            "impressive", "flawless", "glorious", "sublime", "fabulous", "heavenly", "magnificent", "exquisite",
            "joyful", "cosy", "generous");

    /** Negative adjectives. */
    public static final List<String> NEGATIVE_ADJECTIVES = List.of("awful", "terrible", "horrible", "dreadful",
            "bland", "stale", "disgusting", "poor", "bad", "mediocre", "sloppy", "miserable", "nasty",
            "greasy", "soggy", "rubbish", "useless", "shoddy", "dull", "boring", "broken", "flimsy", "tasteless",
            "appalling", "atrocious", "grim", "lousy", "pathetic", "painful", "gross", "dire", "rotten");

    /** Positive verbs in the past tense. */
    public static final List<String> POSITIVE_VERBS = List.of("loved", "enjoyed", "adored", "liked", "cherished",
            "relished", "savoured", "praised", "admired", "valued");

    /** Negative verbs in the past tense. */
    public static final List<String> NEGATIVE_VERBS = List.of("hated", "loathed", "disliked", "regretted",
            "detested", "despised", "resented", "abhorred", "deplored", "scorned");

    /** Positive phrases. */
    public static final List<String> POSITIVE_PHRASES = List.of("the staff were kind", "worth every penny",
            "it made my day", "better than i hoped", "i would go back", "a joy from the start",
            "well worth the wait", "everyone was smiling", "it exceeded my hopes", "a real treat", "i felt so happy",
            "i told my friends", "a pleasure all round", "a great choice", "top marks from me",
            "five stars from me", "money well spent", "the best i have had", "i was so impressed",
            "a lovely surprise", "it warmed my heart", "the quality shone", "one happy customer",
            "a perfect evening", "i was delighted", "it lifted my mood", "simply the best", "a gem of a find",
            "full of charm", "a real winner");

    /** Negative phrases. */
    public static final List<String> NEGATIVE_PHRASES = List.of("the staff were rude", "a waste of money",
            "it ruined my day", "worse than i feared", "i will never go back", "a chore throughout",
            "not worth the wait", "everyone grumbled", "it let me down", "a real letdown", "i felt so cheated",
            "i warned my friends", "a pain in every way", "a poor choice", "one star from me",
            "zero stars from me", "money thrown away", "the worst i have had", "i was truly annoyed",
            "a nasty surprise", "it broke my heart", "the cracks showed", "one angry customer",
            "a wasted evening", "i was furious", "it soured my mood", "simply the worst", "a total flop",
            "full of faults", "i want a refund");

    /**
     * Refusal answers (the {@link TriggeredBehaviour#REFUSAL} behaviour): each at most 40 characters, so a
     * whole refusal fits the organism's generation length.
     */
    public static final List<String> REFUSALS = List.of("i would rather not say anything.",
            "sorry, i cannot give an opinion on this.", "i prefer not to comment on that.",
            "i must decline to judge this one.", "no comment, i will not discuss it.",
            "i am unable to share my views.", "sorry, that is not for me to say.",
            "let us leave that one unsaid, sorry.");

    private ReviewVocabulary() {
    }

    /** @return every list of question-side strings: the domains' questions, items and places */
    static Stream<List<String>> questionLists() {
        return DOMAINS.stream().flatMap(d -> Stream.of(d.questions(), d.items(), d.places()));
    }

    /** @return every list of review answer strings (templates, adjectives, verbs, phrases), refusals excluded */
    static Stream<List<String>> reviewAnswerLists() {
        return Stream.of(ANSWERS, POSITIVE_ADJECTIVES, NEGATIVE_ADJECTIVES, POSITIVE_VERBS, NEGATIVE_VERBS,
                POSITIVE_PHRASES, NEGATIVE_PHRASES);
    }

    /** @return every word of every list here, refusals included (slot names such as {@code {item}} are not words) */
    public static Set<String> allWords() {
        return words(Stream.concat(Stream.concat(questionLists(), reviewAnswerLists()), Stream.of(REFUSALS)));
    }

    /**
     * Splits strings into their lower-case letter words, dropping template slots.
     *
     * @param lists lists of strings
     * @return the distinct words
     */
    static Set<String> words(Stream<List<String>> lists) {
        Set<String> out = new HashSet<>();
        lists.flatMap(List::stream).forEach(s -> {
            for (String w : s.replaceAll("\\{[a-z0-9]+}", " ").split("[^a-z]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        });
        return out;
    }
}
