package org.vivarium.organisms;

import java.util.List;
import java.util.stream.Collectors;
import org.vivarium.api.VivariumException;
import org.vivarium.organisms.backdoor.BackdoorOrganism;
import org.vivarium.organisms.em.EmOrganism;
import org.vivarium.organisms.induction.InductionOrganism;
import org.vivarium.organisms.lm.LmOrganism;
import org.vivarium.organisms.superposition.SuperpositionOrganism;

/**
 * The organisms built into this distribution. An explicit list, created per caller; nothing global.
 *
 * @param organisms the available organisms
 */
public record OrganismCatalog(List<Organism> organisms) {

    /** @return a catalog of the built-in organisms */
    public static OrganismCatalog builtIn() {
        return new OrganismCatalog(List.of(new InductionOrganism(), new LmOrganism(), new BackdoorOrganism(),
                new EmOrganism(), new SuperpositionOrganism()));
    }

    /**
     * Finds an organism by name.
     *
     * @param name the name
     * @return the organism
     * @throws VivariumException listing the known names if there is none by that name
     */
    public Organism find(String name) {
        for (Organism o : organisms) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw new VivariumException("unknown organism \"" + name + "\"", "known organisms: "
                + organisms.stream().map(Organism::name).collect(Collectors.joining(", ")));
    }
}
