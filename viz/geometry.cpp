#include "geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hhu::viz {

void Box::add(Vec2 p) {
    min.x = std::min(min.x, p.x);
    min.y = std::min(min.y, p.y);
    max.x = std::max(max.x, p.x);
    max.y = std::max(max.y, p.y);
}

void Box::add(const Box& b) {
    if (b.empty()) return;
    add(b.min);
    add(b.max);
}

Box bounds(const std::vector<Ring>& rings) {
    Box b;
    for (const auto& r : rings)
        for (Vec2 p : r) b.add(p);
    return b;
}

double signed_area(const Ring& ring) {
    double a = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) a += cross(ring[i], ring[(i + 1) % n]);
    return a / 2;
}

Ring convex_hull(std::vector<Vec2> pts) {
    std::sort(pts.begin(), pts.end(), [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    if (pts.size() < 3) return pts;
    Ring hull(2 * pts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {  // lower chain (Andrew's monotone chain)
        while (k >= 2 && cross(hull[k - 1] - hull[k - 2], pts[i] - hull[k - 2]) <= 0) --k;
        hull[k++] = pts[i];
    }
    for (std::size_t i = pts.size() - 1, lower = k + 1; i-- > 0;) {  // upper chain
        while (k >= lower && cross(hull[k - 1] - hull[k - 2], pts[i] - hull[k - 2]) <= 0) --k;
        hull[k++] = pts[i];
    }
    hull.resize(k - 1);
    return hull;
}

Ring buffer_convex(const Ring& polygon, double radius, int segments) {
    std::vector<Vec2> pts;
    for (Vec2 p : polygon)
        for (int s = 0; s < segments; ++s) {
            const double a = 2 * M_PI * s / segments;
            pts.push_back({p.x + radius * std::cos(a), p.y + radius * std::sin(a)});
        }
    return convex_hull(pts);
}

Ring clip_half_plane(const Ring& polygon, Vec2 normal, double offset) {
    Ring out;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0; i < n; ++i) {  // Sutherland-Hodgman against one line
        const Vec2 a = polygon[i], b = polygon[(i + 1) % n];
        const double da = dot(normal, a) - offset, db = dot(normal, b) - offset;
        if (da <= 0) out.push_back(a);
        if ((da < 0 && db > 0) || (da > 0 && db < 0)) out.push_back(a + (b - a) * (da / (da - db)));
    }
    return out;
}

bool point_in_rings(const std::vector<Ring>& rings, Vec2 p) {
    bool inside = false;
    for (const auto& r : rings)
        for (std::size_t i = 0, n = r.size(), j = n - 1; i < n; j = i++)
            if ((r[i].y > p.y) != (r[j].y > p.y) &&
                p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
                inside = !inside;
    return inside;
}

namespace {

double distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 ab = b - a;
    const double len2 = dot(ab, ab);
    const double t = len2 > 0 ? std::clamp(dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const Vec2 d = p - (a + ab * t);
    return std::sqrt(dot(d, d));
}

void douglas_peucker(const Ring& r, std::size_t first, std::size_t last, double tol, std::vector<bool>& keep) {
    double worst = 0;
    std::size_t at = first;
    for (std::size_t i = first + 1; i < last; ++i) {
        const double d = distance_to_segment(r[i], r[first], r[last % r.size()]);
        if (d > worst) worst = d, at = i;
    }
    if (worst <= tol) return;
    keep[at] = true;
    douglas_peucker(r, first, at, tol, keep);
    douglas_peucker(r, at, last, tol, keep);
}

// Proper crossing of segments ab and cd (touching at an end does not count).
bool segments_cross(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    const double d1 = cross(b - a, c - a), d2 = cross(b - a, d - a);
    const double d3 = cross(d - c, a - c), d4 = cross(d - c, b - c);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool crosses_ring(Vec2 a, Vec2 b, const Ring& r) {
    for (std::size_t i = 0, n = r.size(); i < n; ++i)
        if (segments_cross(a, b, r[i], r[(i + 1) % n])) return true;
    return false;
}

// Joins a hole into the outer ring by a two-way cut from the hole's rightmost vertex to the nearest
// outer vertex it can see, so that ear clipping sees one simple ring.
Ring bridge_hole(const Ring& outer, const Ring& hole, const std::vector<Ring>& other_holes) {
    std::size_t m = 0;
    for (std::size_t i = 1; i < hole.size(); ++i)
        if (hole[i].x > hole[m].x) m = i;
    const Vec2 pm = hole[m];
    std::vector<std::size_t> order(outer.size());
    std::iota(order.begin(), order.end(), 0);
    auto dist2 = [&](std::size_t i) { return dot(outer[i] - pm, outer[i] - pm); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dist2(a) < dist2(b); });
    std::size_t best = order.front();
    for (std::size_t i : order) {
        const Vec2 v = outer[i];
        bool blocked = crosses_ring(pm, v, outer) || crosses_ring(pm, v, hole);
        for (const auto& h : other_holes) blocked = blocked || crosses_ring(pm, v, h);
        if (!blocked) {
            best = i;
            break;
        }
    }
    Ring joined(outer.begin(), outer.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    for (std::size_t k = 0; k <= hole.size(); ++k) joined.push_back(hole[(m + k) % hole.size()]);
    joined.insert(joined.end(), outer.begin() + static_cast<std::ptrdiff_t>(best), outer.end());
    return joined;
}

bool same_point(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

bool inside_triangle(Vec2 p, Vec2 a, Vec2 b, Vec2 c) {
    return cross(b - a, p - a) >= 0 && cross(c - b, p - b) >= 0 && cross(a - c, p - c) >= 0;
}

// Ear clipping of a counter-clockwise ring that may touch itself at bridge vertices.
std::vector<Vec2> ear_clip(const Ring& ring) {
    std::vector<Vec2> tris;
    const int n = static_cast<int>(ring.size());
    if (n < 3) return tris;
    std::vector<int> prev(n), next(n);
    for (int i = 0; i < n; ++i) prev[i] = (i + n - 1) % n, next[i] = (i + 1) % n;
    auto is_ear = [&](int i) {
        const Vec2 a = ring[prev[i]], b = ring[i], c = ring[next[i]];
        const double turn = cross(b - a, c - b);
        if (turn < 0) return false;
        if (turn == 0) return true;  // degenerate: removing it adds nothing
        for (int v = next[next[i]]; v != prev[i]; v = next[v]) {
            const Vec2 p = ring[v];
            if (same_point(p, a) || same_point(p, b) || same_point(p, c)) continue;
            if (inside_triangle(p, a, b, c)) return false;
        }
        return true;
    };
    int remaining = n, i = 0, misses = 0;
    while (remaining > 3) {
        // When no ear is left (rounding, self-touching input) clip anyway so the loop ends.
        if (is_ear(i) || misses > remaining) {
            const Vec2 a = ring[prev[i]], b = ring[i], c = ring[next[i]];
            if (cross(b - a, c - b) > 0) tris.insert(tris.end(), {a, b, c});
            next[prev[i]] = next[i];
            prev[next[i]] = prev[i];
            i = next[i];
            --remaining;
            misses = 0;
        } else {
            i = next[i];
            ++misses;
        }
    }
    tris.insert(tris.end(), {ring[prev[i]], ring[i], ring[next[i]]});
    return tris;
}

}  // namespace

Ring simplify_ring(const Ring& ring, double tolerance) {
    if (ring.size() <= 4 || tolerance <= 0) return ring;
    std::size_t far = 0;
    double worst = -1;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const double d = dot(ring[i] - ring[0], ring[i] - ring[0]);
        if (d > worst) worst = d, far = i;
    }
    std::vector<bool> keep(ring.size(), false);
    keep[0] = keep[far] = true;
    douglas_peucker(ring, 0, far, tolerance, keep);
    douglas_peucker(ring, far, ring.size(), tolerance, keep);
    Ring out;
    for (std::size_t i = 0; i < ring.size(); ++i)
        if (keep[i]) out.push_back(ring[i]);
    return out.size() >= 3 ? out : ring;
}

std::vector<Vec2> triangulate(const std::vector<Ring>& polygon) {
    if (polygon.empty() || polygon[0].size() < 3) return {};
    Ring outer = polygon[0];
    if (signed_area(outer) < 0) std::reverse(outer.begin(), outer.end());
    std::vector<Ring> holes;
    for (std::size_t h = 1; h < polygon.size(); ++h) {
        if (polygon[h].size() < 3) continue;
        holes.push_back(polygon[h]);
        if (signed_area(holes.back()) > 0) std::reverse(holes.back().begin(), holes.back().end());
    }
    // Rightmost holes first, as in Eberly's "Triangulation by ear clipping".
    auto max_x = [](const Ring& r) {
        double m = -1e300;
        for (Vec2 p : r) m = std::max(m, p.x);
        return m;
    };
    std::sort(holes.begin(), holes.end(), [&](const Ring& a, const Ring& b) { return max_x(a) > max_x(b); });
    for (std::size_t h = 0; h < holes.size(); ++h) {
        const std::vector<Ring> others(holes.begin() + static_cast<std::ptrdiff_t>(h) + 1, holes.end());
        outer = bridge_hole(outer, holes[h], others);
    }
    return ear_clip(outer);
}

Vec2 label_point(const std::vector<Ring>& polygon) {
    if (polygon.empty() || polygon[0].empty()) return {};
    const Ring& outer = polygon[0];
    double a = 0, cx = 0, cy = 0;
    for (std::size_t i = 0, n = outer.size(); i < n; ++i) {
        const Vec2 p = outer[i], q = outer[(i + 1) % n];
        const double c = cross(p, q);
        a += c, cx += (p.x + q.x) * c, cy += (p.y + q.y) * c;
    }
    if (std::abs(a) < 1e-12) return outer[0];
    const Vec2 centroid{cx / (3 * a), cy / (3 * a)};
    std::vector<double> xs;
    for (const auto& r : polygon)
        for (std::size_t i = 0, n = r.size(), j = n - 1; i < n; j = i++)
            if ((r[i].y > centroid.y) != (r[j].y > centroid.y))
                xs.push_back(r[i].x + (centroid.y - r[i].y) * (r[j].x - r[i].x) / (r[j].y - r[i].y));
    std::sort(xs.begin(), xs.end());
    double widest = -1;
    Vec2 best = centroid;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) widest = xs[i + 1] - xs[i], best = {(xs[i] + xs[i + 1]) / 2, centroid.y};
    return best;
}

}  // namespace hhu::viz
