package com.scratch.emulators.ssm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link ParameterVault} that lives and dies with the JVM; the default for {@link SsmEmulator#start()}.
 *
 * <pre>{@code
 * SsmEmulator ssm = SsmEmulator.start(0, new InMemoryParameterVault());
 * }</pre>
 */
public final class InMemoryParameterVault implements ParameterVault {

    // Sorted by name, which is the order GetParametersByPath pages in.
    private final ConcurrentNavigableMap<String, VaultEntry> parameters = new ConcurrentSkipListMap<>();

    @Override
    public Optional<VaultEntry> find(String name) {
        Objects.requireNonNull(name, "name == null");
        return Optional.ofNullable(parameters.get(name));
    }

    @Override
    public List<VaultEntry> all() {
        return List.copyOf(parameters.values());
    }

    @Override
    public void save(VaultEntry parameter) {
        Objects.requireNonNull(parameter, "parameter == null");
        parameters.put(parameter.name(), parameter);
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name == null");
        return parameters.remove(name) != null;
    }

    @Override
    public void clear() {
        parameters.clear();
    }
}
