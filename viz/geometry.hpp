#pragma once
// Plane geometry for the map: convex hulls, half-plane clipping (Voronoi cells), triangulation of
// polygons with holes, point-in-polygon and label placement. Coordinates are kilometres, y north.
#include <vector>

namespace hhu::viz {

struct Vec2 {
    double x = 0, y = 0;
};
inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(Vec2 a, double k) { return {a.x * k, a.y * k}; }
inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }

using Ring = std::vector<Vec2>;  // closed implicitly: the last vertex connects to the first

struct Box {
    Vec2 min{1e300, 1e300}, max{-1e300, -1e300};
    void add(Vec2 p);
    void add(const Box& b);
    bool empty() const { return min.x > max.x; }
    double width() const { return max.x - min.x; }
    double height() const { return max.y - min.y; }
};
Box bounds(const std::vector<Ring>& rings);

double signed_area(const Ring& ring);        // positive when counter-clockwise
Ring convex_hull(std::vector<Vec2> points);  // counter-clockwise, no collinear points
// The convex polygon grown by `radius` (its Minkowski sum with a circle of `segments` sides).
Ring buffer_convex(const Ring& polygon, double radius, int segments = 16);
// Keeps the part of a convex polygon where dot(normal, p) <= offset.
Ring clip_half_plane(const Ring& polygon, Vec2 normal, double offset);
// Even-odd rule over all rings (outer rings and holes alike).
bool point_in_rings(const std::vector<Ring>& rings, Vec2 p);
// Douglas-Peucker simplification of a closed ring; keeps at least 3 vertices.
Ring simplify_ring(const Ring& ring, double tolerance);
// Triangles (three vertices each) covering one polygon: rings[0] is the outer boundary, the rest holes.
std::vector<Vec2> triangulate(const std::vector<Ring>& polygon);
// A point well inside a polygon: the middle of the widest inside span on the horizontal line through
// the area centroid (the centroid itself can fall outside a concave shape).
Vec2 label_point(const std::vector<Ring>& polygon);

}  // namespace hhu::viz
