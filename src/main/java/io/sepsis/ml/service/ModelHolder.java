package io.sepsis.ml.service;

import io.quarkus.runtime.Startup;
import io.sepsis.ml.model.SepsisModel;
import io.sepsis.ops.health.ComponentStatus;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Loads and verifies the shipped model once at start; /health stays 503 if it cannot. A singleton, not
 * application-scoped: ArC's client proxy of a normal-scoped bean calls the no-argument constructor too, which loaded
 * the 2 MB model twice at every start.
 */
@Singleton
@Startup
public class ModelHolder implements ComponentStatus {
    private static final Logger LOG = Logger.getLogger(ModelHolder.class);
    private final SepsisModel model;
    private final String error;

    public ModelHolder() {
        SepsisModel m = null;
        String e = null;
        try {
            m = SepsisModel.loadFromClasspath();
            LOG.infof("model %s loaded: %d trees, %d features", m.manifest().modelVersion(), m.trees().numTrees(),
                    m.trees().numFeatures());
        } catch (Exception ex) {
            e = ex.getMessage();
            LOG.errorf("model not loaded, /classify will answer 503: %s", e);
        }
        this.model = m;
        this.error = e;
    }

    public Optional<SepsisModel> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public String component() {
        return "model";
    }

    @Override
    public boolean ready() {
        return model != null;
    }

    @Override
    public String detail() {
        return model != null ? model.manifest().modelVersion() : error;
    }
}
